package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.badRequest;
import static io.grantsmith.testkit.EngineAssertions.issuance;
import static io.grantsmith.testkit.EngineAssertions.issued;
import static io.grantsmith.testkit.EngineAssertions.ok;
import static io.grantsmith.testkit.EngineAssertions.serverError;
import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static io.grantsmith.testkit.TokenRequests.property;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.Property;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code grant_type=refresh_token}: the renewal modes, narrowing, lifetimes and the refusals. */
public abstract class RefreshBehaviour extends EngineBehaviourSuite {
    private static final Duration LATER = Duration.ofMinutes(10).plusMillis(7);
    private static final Service ROTATING = EngineFixture.service();

    @Test
    void whenRefreshTokenIsPresentedThenItIsRotatedAndTheFamilyGetsANewAccessToken() {
        Issuance grant = fixture.grant(ROTATING);
        fixture.clock().advance(LATER);
        Instant now = fixture.now();

        TokenResult.Ok ok = ok(fixture.refresh(ROTATING, grant.refreshToken().value()));

        Issuance renewed = ok.issuance();
        assertThat(ok.result().code()).isEqualTo(ResultCode.REFRESH_OK);
        assertThat(ok.facts().grantType()).isEqualTo(GrantType.REFRESH_TOKEN);
        assertThat(ok.facts().client().client().id()).isEqualTo(3001);
        assertThat(renewed.refreshToken().value()).isNotEqualTo(grant.refreshToken().value());
        assertThat(renewed.accessToken().value()).isNotEqualTo(grant.accessToken().value());
        assertThat(renewed.refreshToken().expiresAt()).isEqualTo(now.plus(EngineFixture.REFRESH_TOKEN_DURATION));
        assertThat(renewed.refreshToken().duration()).isEqualTo(EngineFixture.REFRESH_TOKEN_DURATION);
        assertThat(renewed.accessToken().expiresAt()).isEqualTo(now.plus(EngineFixture.ACCESS_TOKEN_DURATION));
        assertThat(renewed.subject()).isEqualTo(EngineFixture.SUBJECT);
        assertThat(renewed.scopes()).isEqualTo(Scopes.of("read", "write"));
        assertThat(renewed.refreshTokenScopes()).isEqualTo(Scopes.of("read", "write"));
        assertThat(renewed.accessTokenResources()).containsExactly(EngineFixture.RESOURCE_A, EngineFixture.RESOURCE_B);
        assertThat(renewed.resources()).isEmpty();
        assertThat(renewed.previousRefreshTokenUsed()).isFalse();

        RefreshTokenRecord old = fixture.refreshToken(grant.refreshToken().value()).orElseThrow();
        RefreshTokenRecord successor = fixture.refreshToken(renewed.refreshToken().value()).orElseThrow();
        assertThat(old.state()).isEqualTo(RefreshTokenState.ROTATED);
        assertThat(old.rotatedAt()).isEqualTo(now);
        assertThat(old.successorKey()).isEqualTo(successor.key()).isGreaterThan(old.key());
        assertThat(successor).isEqualTo(RefreshTokenRecord.builder(successor.key(), successor.hash(),
                        old.grant().keptUntil(now.plus(EngineFixture.REFRESH_TOKEN_DURATION)))
                .issuedAt(now).expiresAt(now.plus(EngineFixture.REFRESH_TOKEN_DURATION)).properties(old.properties())
                .state(RefreshTokenState.ACTIVE).build());
        assertThat(successor.grantType()).isEqualTo(GrantType.PASSWORD);
        assertThat(fixture.accessToken(grant.accessToken().value())).isEmpty();
        assertThat(fixture.accessToken(renewed.accessToken().value()).orElseThrow().family()).isEqualTo(old.family());
    }

    @Test
    void whenTheGrantIsRevokedThenItsRefreshTokenIsRefusedAndItsAccessTokenIsGone() {
        Issuance grant = fixture.grant(ROTATING);
        RefreshTokenRecord refresh = fixture.refreshToken(grant.refreshToken().value()).orElseThrow();

        fixture.stores().tokens().revokeGrant(refresh.family());

        badRequest(fixture.refresh(ROTATING, grant.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_REVOKED);
        assertThat(fixture.accessToken(grant.accessToken().value())).isEmpty();
        assertThat(fixture.refreshToken(grant.refreshToken().value()).orElseThrow().grant().revoked()).isTrue();
    }

    @Test
    void whenScopeIsNarrowedThenOnlyTheAccessTokenIsNarrowed() {
        Issuance grant = fixture.grant(ROTATING);

        Issuance narrowed = issuance(fixture.refresh(ROTATING, grant.refreshToken().value(), "scope", "read"));

        assertThat(narrowed.scopes()).isEqualTo(Scopes.of("read"));
        assertThat(narrowed.refreshTokenScopes()).isEqualTo(Scopes.of("read", "write"));
        assertThat(fixture.accessToken(narrowed.accessToken().value()).orElseThrow().scopes())
                .isEqualTo(Scopes.of("read"));
        assertThat(fixture.refreshToken(narrowed.refreshToken().value()).orElseThrow().scopes())
                .isEqualTo(Scopes.of("read", "write"));
        Issuance next = issuance(fixture.refresh(ROTATING, narrowed.refreshToken().value()));
        assertThat(next.scopes()).isEqualTo(Scopes.of("read", "write"));
    }

    @Test
    void whenScopeExceedsTheGrantThenItIsRefusedAndNothingChanges() {
        Issuance grant = fixture.grant(ROTATING);

        badRequest(fixture.refresh(ROTATING, grant.refreshToken().value(), "scope", "read admin"),
                OAuthErrorCode.INVALID_SCOPE, ResultCode.REFRESH_SCOPE_NOT_GRANTED);

        assertUnchanged(grant);
    }

    @Test
    void whenResourceIsNarrowedThenTheAccessTokenAudienceIsNarrowed() {
        Issuance grant = fixture.grant(ROTATING);

        Issuance narrowed = issuance(fixture.refresh(ROTATING, grant.refreshToken().value(),
                "resource", EngineFixture.RESOURCE_B));

        assertThat(narrowed.resources()).containsExactly(EngineFixture.RESOURCE_B);
        assertThat(narrowed.accessTokenResources()).containsExactly(EngineFixture.RESOURCE_B);
        assertThat(fixture.refreshToken(narrowed.refreshToken().value()).orElseThrow().resources())
                .containsExactly(EngineFixture.RESOURCE_A, EngineFixture.RESOURCE_B);
    }

    @Test
    void whenResourceIsOutsideTheGrantThenItIsRefusedAndNothingChanges() {
        Issuance grant = fixture.grant(ROTATING);

        badRequest(fixture.refresh(ROTATING, grant.refreshToken().value(), "resource", "https://c.example.com/"),
                OAuthErrorCode.INVALID_TARGET, ResultCode.REFRESH_RESOURCE_NOT_GRANTED);
        badRequest(fixture.refresh(ROTATING, grant.refreshToken().value(), "resource", "c.example.com"),
                OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_NOT_ABSOLUTE);

        assertUnchanged(grant);
    }

    @Test
    void whenRequestCarriesPropertiesThenTheyAreMergedOverTheGrantsAndKeptForLaterRefreshes() {
        String ticket = fixture.ticket(ROTATING);
        Issuance grant = issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT).setProperties(
                new Property[] {property("a", "1", false), property("b", "2", true)}))).issuance();

        Issuance merged = issuance(fixture.process(EngineFixture.refreshRequest(grant.refreshToken().value())
                .setProperties(new Property[] {property("b", "3", false), property("c", "4", true)})));

        List<TokenProperty> expected = List.of(new TokenProperty("a", "1", false), new TokenProperty("b", "3", false),
                new TokenProperty("c", "4", true));
        assertThat(merged.properties()).isEqualTo(expected);
        assertThat(fixture.accessToken(merged.accessToken().value()).orElseThrow().properties()).isEqualTo(expected);
        assertThat(fixture.refreshToken(merged.refreshToken().value()).orElseThrow().properties()).isEqualTo(expected);
        assertThat(issuance(fixture.refresh(ROTATING, merged.refreshToken().value())).properties()).isEqualTo(expected);
    }

    @Test
    void whenCallerChosenAccessTokenIsUnusableThenTheCallerIsToldAndTheRefreshTokenStaysUsable() {
        String taken = "taken-by-another-token";
        issuance(fixture.process(TokenRequests.basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET,
                "grant_type", "client_credentials").setAccessToken(taken)));
        Issuance grant = fixture.grant(ROTATING);
        String refreshToken = grant.refreshToken().value();

        serverError(fixture.process(EngineFixture.refreshRequest(refreshToken).setAccessToken("not a token")),
                ResultCode.REFRESH_ACCESS_TOKEN_INVALID);
        serverError(fixture.process(EngineFixture.refreshRequest(refreshToken).setAccessToken(taken)),
                ResultCode.REFRESH_ACCESS_TOKEN_IN_USE);
        serverError(fixture.process(EngineFixture.refreshRequest(refreshToken).setProperties(new Property[] {
            property("blob", "x".repeat(64 * 1024), false)})), ResultCode.REFRESH_PROPERTIES_TOO_BIG);

        assertUnchanged(grant);
        assertThat(fixture.accessToken(taken).orElseThrow().family()).isNull();
        String chosen = "renewed-chosen-token";
        assertThat(issuance(fixture.process(EngineFixture.refreshRequest(refreshToken).setAccessToken(chosen)))
                .accessToken().value()).isEqualTo(chosen);
        assertThat(fixture.accessToken(chosen).orElseThrow().subject()).isEqualTo(EngineFixture.SUBJECT);
    }

    @Test
    void whenRefreshTokenIsMissingOrEmptyThenTheRequestIsInvalid() {
        badRequest(fixture.process(TokenRequests.basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET,
                "grant_type", "refresh_token")), OAuthErrorCode.INVALID_REQUEST, ResultCode.REFRESH_TOKEN_MISSING);
        badRequest(fixture.refresh(ROTATING, ""), OAuthErrorCode.INVALID_REQUEST, ResultCode.REFRESH_TOKEN_EMPTY);
    }

    @Test
    void whenRefreshTokenIsUnknownThenItIsNotFound() {
        fixture.grant(ROTATING);

        badRequest(fixture.refresh(ROTATING, "no-such-refresh-token"), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_NOT_FOUND);
    }

    @Test
    void whenRefreshTokenBelongsToAnotherServiceThenItIsNotFound() {
        Issuance grant = fixture.grant(ROTATING);
        Service other = Service.builder(EngineFixture.OTHER_SERVICE_ID).build();

        badRequest(fixture.process(other, TokenRequests.basic(TestClients.OTHER_SERVICE_ID,
                TestClients.OTHER_SERVICE_SECRET, "grant_type", "refresh_token", "refresh_token",
                grant.refreshToken().value())), OAuthErrorCode.INVALID_GRANT, ResultCode.REFRESH_TOKEN_NOT_FOUND);
        assertUnchanged(grant);
    }

    @Test
    void whenAnotherClientPresentsTheRefreshTokenThenItIsRefusedAndNothingChanges() {
        Issuance grant = fixture.grant(ROTATING);

        badRequest(fixture.process(TokenRequests.basic(TestClients.SECOND_BASIC_ID, TestClients.SECOND_BASIC_SECRET,
                "grant_type", "refresh_token", "refresh_token", grant.refreshToken().value())),
                OAuthErrorCode.INVALID_GRANT, ResultCode.REFRESH_TOKEN_OTHER_CLIENT);
        assertUnchanged(grant);
    }

    @Test
    void whenRefreshTokenHasExpiredThenItIsRefused() {
        Issuance grant = fixture.grant(ROTATING);
        fixture.clock().advance(EngineFixture.REFRESH_TOKEN_DURATION);

        badRequest(fixture.refresh(ROTATING, grant.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_EXPIRED);
    }

    @Test
    void whenRefreshTokenIsOneMillisecondFromExpiryThenItStillWorks() {
        Issuance grant = fixture.grant(ROTATING);
        fixture.clock().advance(EngineFixture.REFRESH_TOKEN_DURATION.minusMillis(1));

        issuance(fixture.refresh(ROTATING, grant.refreshToken().value()));
    }

    /** The grant's refresh token is still active and its access token still stored. */
    private void assertUnchanged(Issuance grant) {
        assertThat(fixture.refreshToken(grant.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(fixture.accessToken(grant.accessToken().value())).isPresent();
    }
}
