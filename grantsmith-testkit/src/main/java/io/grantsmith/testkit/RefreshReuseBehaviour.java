package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.badRequest;
import static io.grantsmith.testkit.EngineAssertions.issuance;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.TokenEngineBuilder;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.RefreshPolicy;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A rotated-away refresh token presented again: reuse, which revokes the whole family, unless the service is
 * idempotent and this is a retry within the grace period, which gets the same successor again.
 */
public abstract class RefreshReuseBehaviour extends EngineBehaviourSuite {
    private static final Service ROTATING = EngineFixture.service();
    private static final Service IDEMPOTENT = EngineFixture.serviceBuilder()
            .refreshPolicy(new RefreshPolicy(false, false, false, true)).build();
    private static final Duration GRACE = TokenEngineBuilder.DEFAULT_REFRESH_GRACE_PERIOD;

    @Test
    void whenRotatedAwayTokenIsPresentedAgainThenTheWholeFamilyIsRevoked() {
        Issuance grant = fixture.grant(ROTATING);
        Issuance successor = issuance(fixture.refresh(ROTATING, grant.refreshToken().value()));

        badRequest(fixture.refresh(ROTATING, grant.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_REUSED);

        assertRevoked(grant, successor);
        badRequest(fixture.refresh(ROTATING, successor.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_REVOKED);
        badRequest(fixture.refresh(ROTATING, grant.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_REVOKED);
    }

    @Test
    void whenReuseIsDetectedThenOtherFamiliesOfTheSameUserAreUntouched() {
        Issuance grant = fixture.grant(ROTATING);
        Issuance otherGrant = fixture.grant(ROTATING);
        issuance(fixture.refresh(ROTATING, grant.refreshToken().value()));

        fixture.refresh(ROTATING, grant.refreshToken().value());

        assertThat(fixture.refreshToken(otherGrant.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(fixture.accessToken(otherGrant.accessToken().value())).isPresent();
    }

    @Test
    void whenAnotherClientPresentsARotatedAwayTokenThenTheFamilyIsNotRevoked() {
        Issuance grant = fixture.grant(ROTATING);
        Issuance successor = issuance(fixture.refresh(ROTATING, grant.refreshToken().value()));

        badRequest(fixture.process(TokenRequests.basic(TestClients.SECOND_BASIC_ID, TestClients.SECOND_BASIC_SECRET,
                "grant_type", "refresh_token", "refresh_token", grant.refreshToken().value())),
                OAuthErrorCode.INVALID_GRANT, ResultCode.REFRESH_TOKEN_OTHER_CLIENT);

        assertThat(fixture.refreshToken(successor.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void whenIdempotentServiceSeesARetryWithinTheGracePeriodThenItReturnsTheSameSuccessor() {
        Issuance grant = fixture.grant(IDEMPOTENT);
        Issuance first = issuance(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()));
        fixture.clock().advance(GRACE.minusMillis(1));

        TokenResult retry = fixture.refresh(IDEMPOTENT, grant.refreshToken().value(), "scope", "read");

        Issuance again = issuance(retry);
        assertThat(first.previousRefreshTokenUsed()).isFalse();
        assertThat(again.previousRefreshTokenUsed()).isTrue();
        assertThat(again.refreshToken().value()).isEqualTo(first.refreshToken().value());
        assertThat(again.refreshToken().expiresAt()).isEqualTo(first.refreshToken().expiresAt());
        assertThat(again.refreshTokenScopes()).isEqualTo(Scopes.of("read", "write"));
        assertThat(again.scopes()).isEqualTo(Scopes.of("read"));
        assertThat(again.accessToken().value()).isNotEqualTo(first.accessToken().value());
        assertThat(again.accessToken().expiresAt()).isEqualTo(fixture.now().plus(EngineFixture.ACCESS_TOKEN_DURATION));
        assertThat(fixture.accessToken(first.accessToken().value())).as("the first response's, perhaps in use")
                .isPresent();
        assertThat(fixture.accessToken(again.accessToken().value())).isPresent();
        assertThat(fixture.refreshToken(first.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
        issuance(fixture.refresh(IDEMPOTENT, again.refreshToken().value()));
    }

    @Test
    void whenReuseIsDetectedAfterRetriesThenEveryAccessTokenOfTheRetriedGenerationStopsWorking() {
        Issuance grant = fixture.grant(IDEMPOTENT);
        Issuance first = issuance(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()));
        Issuance retry = issuance(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()));
        fixture.clock().advance(GRACE);

        badRequest(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_REUSED);

        assertThat(fixture.accessToken(first.accessToken().value())).isEmpty();
        assertThat(fixture.accessToken(retry.accessToken().value())).isEmpty();
        assertThat(fixture.refreshToken(first.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
    }

    @Test
    void whenIdempotentServiceSeesARetryAfterTheGracePeriodThenItIsReuse() {
        Issuance grant = fixture.grant(IDEMPOTENT);
        Issuance successor = issuance(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()));
        fixture.clock().advance(GRACE);

        badRequest(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_REUSED);

        assertRevoked(grant, successor);
    }

    @Test
    void whenTheSuccessorWasAlreadyRotatedThenARetryWithinTheGracePeriodIsReuse() {
        Issuance grant = fixture.grant(IDEMPOTENT);
        Issuance successor = issuance(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()));
        Issuance third = issuance(fixture.refresh(IDEMPOTENT, successor.refreshToken().value()));

        badRequest(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()), OAuthErrorCode.INVALID_GRANT,
                ResultCode.REFRESH_TOKEN_REUSED);

        assertRevoked(grant, third);
    }

    @Test
    void whenServiceKeepsRefreshTokensThenPresentingOneRepeatedlyIsNotReuse() {
        Service kept = EngineFixture.serviceBuilder().refreshPolicy(new RefreshPolicy(true, false, false, false))
                .build();
        Issuance grant = fixture.grant(kept);

        for (int i = 0; i < 3; i++) {
            assertThat(issuance(fixture.refresh(kept, grant.refreshToken().value())).refreshToken().value())
                    .isEqualTo(grant.refreshToken().value());
        }
    }

    /** The family's first and latest refresh tokens are revoked, and the latest access token is gone. */
    private void assertRevoked(Issuance first, Issuance latest) {
        assertThat(fixture.refreshToken(first.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
        assertThat(fixture.refreshToken(latest.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
        assertThat(fixture.accessToken(latest.accessToken().value())).isEmpty();
    }
}
