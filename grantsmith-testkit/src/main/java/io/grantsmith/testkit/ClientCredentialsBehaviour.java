package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.issuance;
import static io.grantsmith.testkit.EngineAssertions.ok;
import static io.grantsmith.testkit.EngineAssertions.serverError;
import static io.grantsmith.testkit.TestClients.BASIC_ID;
import static io.grantsmith.testkit.TestClients.BASIC_SECRET;
import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.concat;
import static io.grantsmith.testkit.TokenRequests.property;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.Property;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.ScopeDefinition;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.token.TokenLifetimes;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.core.token.TokenHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6749 §4.4 as Authlete does it: confidential clients, no subject, no refresh token, {@code openid} dropped. */
public abstract class ClientCredentialsBehaviour extends EngineBehaviourSuite {
    private static final String[] GRANT = {"grant_type", "client_credentials"};
    private static final String CHOSEN_TOKEN = "caller-chosen.token_value~42";

    @Test
    void whenConfidentialClientAuthenticatesThenAnAccessTokenWithoutSubjectOrRefreshTokenIsIssued() {
        TokenResult.Ok ok = ok(fixture.process(request("scope", "read write")));

        Issuance issuance = ok.issuance();
        Instant expiresAt = EngineFixture.START.plus(EngineFixture.ACCESS_TOKEN_DURATION);
        assertThat(ok.result().code()).isEqualTo(ResultCode.CLIENT_CREDENTIALS_OK);
        assertThat(issuance.tokenType()).isEqualTo("Bearer");
        assertThat(issuance.accessToken().value()).hasSize(TokenFormat.LENGTH);
        assertThat(issuance.accessToken().expiresAt()).isEqualTo(expiresAt);
        assertThat(issuance.accessToken().duration()).isEqualTo(EngineFixture.ACCESS_TOKEN_DURATION);
        assertThat(issuance.refreshToken()).isNull();
        assertThat(issuance.refreshTokenScopes()).isNull();
        assertThat(issuance.subject()).isNull();
        assertThat(issuance.scopes().asList()).containsExactly("read", "write");
        assertThat(issuance.previousRefreshTokenUsed()).isFalse();
        assertThat(ok.facts().grantType()).isEqualTo(GrantType.CLIENT_CREDENTIALS);
        assertThat(ok.facts().client().client().id()).isEqualTo(3001);
        assertThat(ok.facts().client().authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(ok.facts().client().aliasUsed()).isFalse();

        AccessTokenRecord stored = fixture.accessToken(issuance.accessToken().value()).orElseThrow();
        assertThat(stored).isEqualTo(AccessTokenRecord.builder(TokenFormat.keyOf(issuance.accessToken().value()),
                        TokenHasher.hash(issuance.accessToken().value()))
                .serviceId(EngineFixture.SERVICE_ID).clientId(3001).scopes(Scopes.of("read", "write"))
                .grantType(GrantType.CLIENT_CREDENTIALS).issuedAt(EngineFixture.START).expiresAt(expiresAt).build());
    }

    @Test
    void whenClientUsesItsAliasThenTheTokenRecordsIt() {
        TokenResult.Ok ok = ok(fixture.process(basic(TestClients.BASIC_ALIAS, BASIC_SECRET, GRANT)));

        assertThat(ok.facts().client().aliasUsed()).isTrue();
        assertThat(fixture.accessToken(ok.issuance().accessToken().value()).orElseThrow().clientIdAliasUsed()).isTrue();
    }

    @Test
    void whenClockHasSubMillisecondPrecisionThenTimesAreTruncatedToMilliseconds() {
        fixture.clock().set(Instant.parse("2026-02-03T04:05:06.789654321Z"));

        Issuance issuance = issuance(fixture.process(request()));

        Instant now = Instant.parse("2026-02-03T04:05:06.789Z");
        assertThat(issuance.accessToken().expiresAt()).isEqualTo(now.plus(EngineFixture.ACCESS_TOKEN_DURATION));
        AccessTokenRecord stored = fixture.accessToken(issuance.accessToken().value()).orElseThrow();
        assertThat(stored.issuedAt()).isEqualTo(now);
        assertThat(stored.expiresAt()).isEqualTo(issuance.accessToken().expiresAt());
    }

    @Test
    void whenPropertiesAreGivenThenVisibleAndHiddenOnesRoundTripAndReservedOnesAreDropped() {
        TokenRequest request = request().setProperties(new Property[] {
            property("tenant", "acme", false), property("internal", "x-17", true),
            property("scope", "admin", false), property("access_token", "forged", false),
            property("refresh_token", "forged", true), property("", "no key", false), null,
            property("novalue", null, false), property("tenant", "globex", false)});

        Issuance issuance = issuance(fixture.process(request));

        List<TokenProperty> expected = List.of(new TokenProperty("internal", "x-17", true),
                new TokenProperty("tenant", "globex", false));
        assertThat(issuance.properties()).isEqualTo(expected);
        assertThat(fixture.accessToken(issuance.accessToken().value()).orElseThrow().properties()).isEqualTo(expected);
    }

    @Test
    void whenPropertiesAreTooBigThenTheCallerIsToldAndNothingIsIssued() {
        String huge = "x".repeat(64 * 1024);

        TokenResult result = fixture.process(request().setAccessToken(CHOSEN_TOKEN)
                .setProperties(new Property[] {property("blob", huge, false)}));

        serverError(result, ResultCode.CLIENT_CREDENTIALS_PROPERTIES_TOO_BIG);
        assertThat(fixture.accessToken(CHOSEN_TOKEN)).isEmpty();
    }

    @Test
    void whenCallerChoosesTheAccessTokenThenThatValueIsIssuedAndStoredHashed() {
        Issuance issuance = issuance(fixture.process(request().setAccessToken(CHOSEN_TOKEN)));

        assertThat(issuance.accessToken().value()).isEqualTo(CHOSEN_TOKEN);
        AccessTokenRecord stored = fixture.accessToken(CHOSEN_TOKEN).orElseThrow();
        assertThat(stored.hash()).isEqualTo(TokenHasher.hash(CHOSEN_TOKEN));
        assertThat(stored.clientId()).isEqualTo(3001);
    }

    @Test
    void whenCallerChosenAccessTokenIsNotATokenValueThenTheCallerIsToldAndNothingIsStored() {
        String invalid = "has spaces in it";

        serverError(fixture.process(request().setAccessToken(invalid)),
                ResultCode.CLIENT_CREDENTIALS_ACCESS_TOKEN_INVALID);
        assertThat(fixture.accessToken(invalid)).isEmpty();
    }

    @Test
    void whenCallerChosenAccessTokenIsInUseThenTheCallerIsToldAndTheFirstTokenIsKept() {
        Issuance first = issuance(fixture.process(request("scope", "read").setAccessToken(CHOSEN_TOKEN)));

        TokenResult second = fixture.process(basic(TestClients.SECOND_BASIC_ID, TestClients.SECOND_BASIC_SECRET,
                concat(GRANT, "scope", "write")).setAccessToken(CHOSEN_TOKEN));

        serverError(second, ResultCode.CLIENT_CREDENTIALS_ACCESS_TOKEN_IN_USE);
        AccessTokenRecord stored = fixture.accessToken(CHOSEN_TOKEN).orElseThrow();
        assertThat(stored.clientId()).isEqualTo(3001);
        assertThat(stored.scopes()).isEqualTo(first.scopes());
    }

    @Test
    void whenAnotherServiceChoseTheSameAccessTokenThenThisServiceMayChooseItToo() {
        Service other = Service.builder(EngineFixture.OTHER_SERVICE_ID).build();
        issuance(fixture.process(other, basic(TestClients.OTHER_SERVICE_ID, TestClients.OTHER_SERVICE_SECRET, GRANT)
                .setAccessToken(CHOSEN_TOKEN)));

        Issuance mine = issuance(fixture.process(request().setAccessToken(CHOSEN_TOKEN)));

        assertThat(mine.accessToken().value()).isEqualTo(CHOSEN_TOKEN);
        assertThat(fixture.accessToken(CHOSEN_TOKEN).orElseThrow().clientId()).isEqualTo(3001);
        assertThat(fixture.accessToken(EngineFixture.OTHER_SERVICE_ID, CHOSEN_TOKEN).orElseThrow().clientId())
                .isEqualTo(3009);
    }

    @Test
    void whenOpenidIsRequestedThenItIsSilentlyDropped() {
        Issuance issuance = issuance(fixture.process(request("scope", "openid read")));

        assertThat(issuance.scopes().asList()).containsExactly("read");
    }

    @Test
    void whenNoScopeIsRequestedThenTheDefaultScopesAreGranted() {
        assertThat(issuance(fixture.process(request())).scopes().asList()).containsExactly("read", "admin");
        assertThat(issuance(fixture.process(request("scope", ""))).scopes().asList()).containsExactly("read", "admin");
    }

    @Test
    void whenOpenidIsADefaultScopeThenClientCredentialsStillDropsIt() {
        Service openidByDefault = EngineFixture.serviceBuilder().scopes(ScopeCatalog.of(List.of(
                new ScopeDefinition("openid", true, Map.of()),
                new ScopeDefinition("read", true, Map.of())))).build();

        Issuance issuance = issuance(fixture.process(openidByDefault, request()));

        assertThat(issuance.scopes().asList()).containsExactly("read");
    }

    @Test
    void whenNoScopeIsRequestedThenOnlyDefaultsTheClientMayRequestAreGranted() {
        fixture.clients().add(restricted(3101, Set.of("read", "write")));

        Issuance issuance = issuance(fixture.process(basic("3101", "s", GRANT)));

        assertThat(issuance.scopes().asList()).containsExactly("read");
    }

    static Stream<RefusalCase> scopeRefusals() {
        Service scopeRequired = EngineFixture.serviceBuilder().scopeRequired(true).build();
        return Stream.of(
                RefusalCase.badRequest("unsupported scope", request("scope", "read unknown"),
                        OAuthErrorCode.INVALID_SCOPE, ResultCode.CLIENT_CREDENTIALS_SCOPE_UNSUPPORTED),
                RefusalCase.badRequest("scope the client may not request", basic("3101", "s", concat(GRANT,
                        "scope", "read admin")), OAuthErrorCode.INVALID_SCOPE,
                        ResultCode.CLIENT_CREDENTIALS_SCOPE_NOT_REQUESTABLE),
                RefusalCase.badRequest("no scope, no requestable default, service requires one",
                        basic("3102", "s", GRANT), OAuthErrorCode.INVALID_SCOPE,
                        ResultCode.CLIENT_CREDENTIALS_SCOPE_REQUIRED).on(scopeRequired),
                RefusalCase.badRequest("only openid, service requires a scope", request("scope", "openid"),
                        OAuthErrorCode.INVALID_SCOPE, ResultCode.CLIENT_CREDENTIALS_SCOPE_REQUIRED).on(scopeRequired),
                RefusalCase.badRequest("public client", TokenRequests.body(concat(GRANT, "client_id",
                        TestClients.PUBLIC_ID)), OAuthErrorCode.UNAUTHORIZED_CLIENT,
                        ResultCode.CLIENT_CREDENTIALS_PUBLIC_CLIENT),
                RefusalCase.badRequest("resource not a URI", request("resource", "https://exa mple.com/"),
                        OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_NOT_URI),
                RefusalCase.badRequest("relative resource", request("resource", "/api"),
                        OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_NOT_ABSOLUTE),
                RefusalCase.badRequest("resource with a fragment", request("resource", "https://a.example.com/#f"),
                        OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_HAS_FRAGMENT),
                RefusalCase.badRequest("second resource invalid", request("resource", EngineFixture.RESOURCE_A,
                        "resource", "api"), OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_NOT_ABSOLUTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopeRefusals")
    void whenScopeResourceOrClientTypeIsNotAcceptableThenNoTokenIsIssued(RefusalCase refusal) {
        fixture.clients().add(restricted(3101, Set.of("read", "write")));
        fixture.clients().add(restricted(3102, Set.of("write")));

        refusal.assertOn(fixture);
    }

    @Test
    void whenScopeRequiredAndScopeGrantedThenTheTokenIsIssued() {
        Service scopeRequired = EngineFixture.serviceBuilder().scopeRequired(true).build();

        assertThat(issuance(fixture.process(scopeRequired, request("scope", "write"))).scopes().asList())
                .containsExactly("write");
    }

    @Test
    void whenPublicClientIsNotAllowedTheGrantThenTheGrantTypeCheckComesFirst() {
        fixture.clients().add(Client.builder(EngineFixture.SERVICE_ID, 3103).type(ClientType.PUBLIC)
                .tokenAuthMethod(ClientAuthMethod.NONE).grantTypes(Set.of(GrantType.PASSWORD)).build());

        EngineAssertions.badRequest(fixture.process(TokenRequests.body(concat(GRANT, "client_id", "3103"))),
                OAuthErrorCode.UNAUTHORIZED_CLIENT, ResultCode.GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT);
    }

    /**
     * Lifetime precedence: a positive request duration wins; otherwise the shortest of the service's, the
     * client's (if set) and the scopes' attribute. Service: 3600 s; scope {@code short}: 300 s.
     */
    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("service only", 0L, 0L, "read", 3600L),
                Arguments.of("client shorter", 600L, 0L, "read", 600L),
                Arguments.of("client longer is ignored", 7200L, 0L, "read", 3600L),
                Arguments.of("scope attribute shorter", 0L, 0L, "read short", 300L),
                Arguments.of("scope attribute shorter than client", 600L, 0L, "short", 300L),
                Arguments.of("client shorter than scope attribute", 120L, 0L, "short", 120L),
                Arguments.of("request wins over everything", 600L, 99_999L, "short", 99_999L),
                Arguments.of("negative request ignored", 600L, -5L, "read", 600L),
                Arguments.of("huge request capped at 100 years", 0L, Long.MAX_VALUE, "read",
                        TokenLifetimes.MAX_LIFETIME.getSeconds()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void whenLifetimesAreSetAtSeveralLevelsThenTheDocumentedOneWins(String name, long clientSeconds,
            long requestSeconds, String scope, long expectedSeconds) {
        fixture.clients().add(TestClients.confidential(3104, ClientAuthMethod.CLIENT_SECRET_BASIC, "s")
                .accessTokenDuration(Duration.ofSeconds(clientSeconds)).build());

        Issuance issuance = issuance(fixture.process(basic("3104", "s", concat(GRANT, "scope", scope))
                .setAccessTokenDuration(requestSeconds)));

        assertThat(issuance.accessToken().duration()).isEqualTo(Duration.ofSeconds(expectedSeconds));
        assertThat(issuance.accessToken().expiresAt()).isEqualTo(EngineFixture.START.plusSeconds(expectedSeconds));
        assertThat(fixture.accessToken(issuance.accessToken().value()).orElseThrow().expiresAt())
                .isEqualTo(EngineFixture.START.plusSeconds(expectedSeconds));
    }

    @Test
    void whenResourcesAreValidThenTheyBecomeTheAudienceOfTheStoredToken() {
        Issuance issuance = issuance(fixture.process(request("resource", EngineFixture.RESOURCE_A,
                "resource", "urn:example:api", "resource", "")));

        assertThat(issuance.accessTokenResources()).containsExactly(EngineFixture.RESOURCE_A, "urn:example:api");
        assertThat(fixture.accessToken(issuance.accessToken().value()).orElseThrow().resources())
                .containsExactly(EngineFixture.RESOURCE_A, "urn:example:api");
    }

    private static TokenRequest request(String... extra) {
        return basic(BASIC_ID, BASIC_SECRET, concat(GRANT, extra));
    }

    private static Client restricted(long id, Set<String> requestable) {
        return TestClients.confidential(id, ClientAuthMethod.CLIENT_SECRET_BASIC, "s").requestableScopes(requestable)
                .build();
    }
}
