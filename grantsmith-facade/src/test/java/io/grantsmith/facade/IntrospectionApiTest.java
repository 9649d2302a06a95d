package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.IntrospectionRequest;
import io.grantsmith.api.dto.IntrospectionResponse;
import io.grantsmith.api.dto.RevocationRequest;
import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.api.dto.StandardIntrospectionRequest;
import io.grantsmith.api.dto.StandardIntrospectionResponse;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.FailingStores;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /auth/introspection}, {@code /auth/introspection/standard} and {@code /auth/revocation}. */
class IntrospectionApiTest {
    private final FailingStores stores = new FailingStores(new MemoryStores());
    private final FacadeFixture fixture = new FacadeFixture(b -> b.stores(stores));
    private final Grantsmith grantsmith = fixture.grantsmith;
    private final long serviceId = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"rs\","
            + "\"issuer\":\"https://as.example.com\",\"accessTokenDuration\":600,\"refreshTokenDuration\":3600,"
            + "\"supportedScopes\":[{\"name\":\"read\"},{\"name\":\"write\"}]}")).get("apiKey").asLong();
    private final ObjectNode client = client();

    @AfterEach
    void close() {
        grantsmith.close();
    }

    private ObjectNode client() {
        return fixture.client(serviceId, "\"grantTypes\":[\"PASSWORD\",\"REFRESH_TOKEN\"]");
    }

    private TokenIssueResponse tokens(ObjectNode owner, String scope) {
        TokenResponse password = grantsmith.tokens().token(serviceId, FacadeFixture.basic(
                "grant_type=password&username=alice&password=pw&scope=" + scope, owner));
        TokenIssueResponse issued = grantsmith.tokens().issue(serviceId,
                new TokenIssueRequest().setTicket(password.getTicket()).setSubject("user-1"));
        assertThat(issued.getRefreshToken()).isNotNull();
        return issued;
    }

    private IntrospectionResponse introspect(IntrospectionRequest request) {
        return grantsmith.introspection().introspection(serviceId, request);
    }

    private StandardIntrospectionResponse standard(String parameters) {
        return grantsmith.introspection().standard(serviceId,
                new StandardIntrospectionRequest().setParameters(parameters));
    }

    private RevocationResponse revoke(ObjectNode by, String parameters) {
        return grantsmith.introspection().revocation(serviceId, new RevocationRequest().setParameters(parameters)
                .setClientId(by.get("clientId").asText()).setClientSecret(by.get("clientSecret").asText()));
    }

    @Test
    void whenTokenIsValidThenIntrospectionSaysOkWithWhatTheTokenIs() {
        TokenIssueResponse issued = tokens(client, "read");

        IntrospectionResponse response = introspect(new IntrospectionRequest().setToken(issued.getAccessToken())
                .setScopes(new String[] {"read"}).setSubject("user-1"));

        assertThat(response.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(response.getResultMessage()).isEqualTo("[A056001] The access token is valid.");
        assertThat(response.getResponseContent()).startsWith("Bearer error=\"invalid_request\"");
        assertThat(response.getClientId()).isEqualTo(client.get("clientId").asLong());
        assertThat(response.getSubject()).isEqualTo("user-1");
        assertThat(response.getScopes()).containsExactly("read");
        assertThat(response.isExistent()).isTrue();
        assertThat(response.isUsable()).isTrue();
        assertThat(response.isSufficient()).isTrue();
        assertThat(response.isRefreshable()).isTrue();
        assertThat(response.getExpiresAt()).isEqualTo(fixture.clock.instant().plusSeconds(600).toEpochMilli());
        assertThat(response.getGrantType()).isEqualTo(GrantType.PASSWORD);
    }

    @Test
    void whenRequirementsAreNotMetThenIntrospectionIsForbiddenWithTheMatchingChallenge() {
        String token = tokens(client, "read").getAccessToken();

        IntrospectionResponse scope = introspect(new IntrospectionRequest().setToken(token)
                .setScopes(new String[] {"read", "write"}));
        IntrospectionResponse subject = introspect(new IntrospectionRequest().setToken(token).setSubject("user-2"));

        assertThat(scope.getAction()).isEqualTo(IntrospectionResponse.Action.FORBIDDEN);
        assertThat(scope.getResultCode()).isEqualTo("A064302");
        assertThat(scope.isSufficient()).isFalse();
        assertThat(scope.getResponseContent()).isEqualTo("Bearer error=\"insufficient_scope\",error_description="
                + "\"[A064302] The access token does not cover the required scope 'write'.\","
                + "error_uri=\"https://docs.authlete.com/#A064302\"");
        assertThat(subject.getAction()).isEqualTo(IntrospectionResponse.Action.FORBIDDEN);
        assertThat(subject.getResultCode()).isEqualTo("A066302");
        assertThat(subject.isSufficient()).isTrue();
        assertThat(subject.getResponseContent()).startsWith("Bearer error=\"invalid_request\"");
    }

    @Test
    void whenTokenIsMissingUnknownOrExpiredThenIntrospectionRefusesIt() {
        String token = tokens(client, "read").getAccessToken();

        assertThat(introspect(new IntrospectionRequest()).getAction())
                .isEqualTo(IntrospectionResponse.Action.BAD_REQUEST);
        IntrospectionResponse unknown = introspect(new IntrospectionRequest().setToken("nope"));
        assertThat(unknown.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(unknown.getResultCode()).isEqualTo("A057302");
        assertThat(unknown.isExistent()).isFalse();
        assertThat(unknown.getResponseContent()).startsWith("Bearer error=\"invalid_token\"");

        fixture.clock.advance(Duration.ofSeconds(600));
        IntrospectionResponse expired = introspect(new IntrospectionRequest().setToken(token));
        assertThat(expired.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(expired.getResultCode()).isEqualTo("A065301");
        assertThat(expired.isExistent()).isTrue();
        assertThat(expired.isUsable()).isFalse();
        assertThat(expired.isRefreshable()).isTrue();
    }

    @Test
    void whenTheStoreFailsThenIntrospectionIsAServerError() {
        String token = tokens(client, "read").getAccessToken();
        stores.fail(FailingStores.Operation.FIND_ACCESS_TOKEN);

        IntrospectionResponse response = introspect(new IntrospectionRequest().setToken(token));

        assertThat(response.getAction()).isEqualTo(IntrospectionResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(response.getResultCode()).isEqualTo("A056191");
        assertThat(standard("token=" + token).getAction())
                .isEqualTo(StandardIntrospectionResponse.Action.INTERNAL_SERVER_ERROR);
    }

    @Test
    void whenStandardIntrospectionFindsAnAccessOrRefreshTokenThenItIsActiveWithRfc7662Members() {
        TokenIssueResponse issued = tokens(client, "read write");

        StandardIntrospectionResponse access = standard("token=" + issued.getAccessToken());
        StandardIntrospectionResponse refresh = standard("token=" + issued.getRefreshToken()
                + "&token_type_hint=refresh_token");

        assertThat(access.getAction()).isEqualTo(StandardIntrospectionResponse.Action.OK);
        assertThat(access.getResultMessage())
                .isEqualTo("[A145001] Introspection was performed successfully (type=access_token, active=true).");
        JsonNode body = FacadeFixture.parse(access.getResponseContent());
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("scope").asText()).isEqualTo("read write");
        assertThat(body.get("client_id").asText()).isEqualTo(client.get("clientId").asText());
        assertThat(body.get("client_id").isTextual()).isTrue();
        assertThat(body.get("sub").asText()).isEqualTo("user-1");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("iss").asText()).isEqualTo("https://as.example.com");
        assertThat(body.get("exp").asLong()).isEqualTo(fixture.clock.instant().getEpochSecond() + 600);
        assertThat(body.get("iat").asLong()).isEqualTo(fixture.clock.instant().getEpochSecond());
        JsonNode refreshBody = FacadeFixture.parse(refresh.getResponseContent());
        assertThat(refreshBody.get("active").asBoolean()).isTrue();
        assertThat(refreshBody.get("exp").asLong()).isEqualTo(fixture.clock.instant().getEpochSecond() + 3600);
        assertThat(refreshBody.has("token_type")).isFalse();
        assertThat(standard("token=" + issued.getRefreshToken()).getResultMessage())
                .as("the wrong hint only orders the lookup").contains("type=refresh_token, active=true");
    }

    @Test
    void whenStandardIntrospectionFindsNothingUsableThenTheAnswerIsInactiveOnly() {
        TokenIssueResponse issued = tokens(client, "read");

        StandardIntrospectionResponse unknown = standard("token=unknown&token_type_hint=something_else");
        fixture.clock.advance(Duration.ofSeconds(600));
        StandardIntrospectionResponse expired = standard("token=" + issued.getAccessToken());

        assertThat(unknown.getAction()).isEqualTo(StandardIntrospectionResponse.Action.OK);
        assertThat(unknown.getResponseContent()).isEqualTo("{\"active\":false}");
        assertThat(expired.getResponseContent()).isEqualTo("{\"active\":false}");
        assertThat(expired.getResultMessage()).contains("type=access_token, active=false");
    }

    @Test
    void whenStandardIntrospectionIsMalformedThenItIsRefused() {
        StandardIntrospectionResponse noToken = standard("token_type_hint=access_token");
        StandardIntrospectionResponse twice = standard("token=a&token=b");
        StandardIntrospectionResponse noParameters = grantsmith.introspection().standard(serviceId,
                new StandardIntrospectionRequest());

        assertThat(noToken.getAction()).isEqualTo(StandardIntrospectionResponse.Action.BAD_REQUEST);
        assertThat(noToken.getResultCode()).isEqualTo("A145302");
        assertThat(FacadeFixture.parse(noToken.getResponseContent()).get("error").asText())
                .isEqualTo("invalid_request");
        assertThat(twice.getResultCode()).isEqualTo("A145392");
        assertThat(noParameters.getAction()).isEqualTo(StandardIntrospectionResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(noParameters.getResultCode()).isEqualTo("A145201");
        assertThat(standard("token=%zz").getAction()).isEqualTo(StandardIntrospectionResponse.Action.BAD_REQUEST);
    }

    @Test
    void whenAnAccessTokenIsRevokedThenOnlyItStopsWorking() {
        TokenIssueResponse issued = tokens(client, "read");

        RevocationResponse response = revoke(client, "token=" + issued.getAccessToken());

        assertThat(response.getAction()).isEqualTo(RevocationResponse.Action.OK);
        assertThat(response.getResultMessage()).isEqualTo("[A113001] The token has been revoked successfully.");
        assertThat(response.getResponseContent()).isNull();
        assertThat(introspect(new IntrospectionRequest().setToken(issued.getAccessToken())).getAction())
                .isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(standard("token=" + issued.getRefreshToken()).getResultMessage()).contains("active=true");
    }

    @Test
    void whenARefreshTokenIsRevokedThenItsWholeGrantStopsWorking() {
        TokenIssueResponse issued = tokens(client, "read");

        RevocationResponse response = revoke(client, "token=" + issued.getRefreshToken()
                + "&token_type_hint=refresh_token");

        assertThat(response.getAction()).isEqualTo(RevocationResponse.Action.OK);
        assertThat(standard("token=" + issued.getRefreshToken()).getResponseContent())
                .isEqualTo("{\"active\":false}");
        assertThat(standard("token=" + issued.getAccessToken()).getResponseContent())
                .isEqualTo("{\"active\":false}");
        TokenResponse refreshed = grantsmith.tokens().token(serviceId, FacadeFixture.basic(
                "grant_type=refresh_token&refresh_token=" + issued.getRefreshToken(), client));
        assertThat(refreshed.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
    }

    @Test
    void whenAnotherClientRevokesATokenThenItIsRefusedAndTheTokenStaysActive() {
        TokenIssueResponse issued = tokens(client, "read");
        ObjectNode other = client();

        RevocationResponse access = revoke(other, "token=" + issued.getAccessToken());
        RevocationResponse refresh = revoke(other, "token=" + issued.getRefreshToken());

        assertThat(access.getAction()).isEqualTo(RevocationResponse.Action.BAD_REQUEST);
        assertThat(access.getResultMessage()).isEqualTo("[A116301] The token was not issued to the client (ID = "
                + other.get("clientId").asText() + "), so it is not revoked.");
        assertThat(FacadeFixture.parse(access.getResponseContent()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh.getResultCode()).isEqualTo("A116301");
        assertThat(standard("token=" + issued.getAccessToken()).getResultMessage()).contains("active=true");
        assertThat(standard("token=" + issued.getRefreshToken()).getResultMessage()).contains("active=true");
    }

    @Test
    void whenTheTokenIsUnknownThenRevocationSucceedsAndDoesNothing() {
        TokenIssueResponse issued = tokens(client, "read");

        assertThat(revoke(client, "token=never-issued&token_type_hint=refresh_token").getAction())
                .isEqualTo(RevocationResponse.Action.OK);
        assertThat(revoke(client, "token=" + "x".repeat(5000)).getAction()).isEqualTo(RevocationResponse.Action.OK);
        assertThat(standard("token=" + issued.getAccessToken()).getResultMessage()).contains("active=true");
    }

    @Test
    void whenTheClientFailsAuthenticationOrTheRequestIsMalformedThenRevocationIsRefused() {
        TokenIssueResponse issued = tokens(client, "read");

        RevocationResponse wrongSecret = grantsmith.introspection().revocation(serviceId, new RevocationRequest()
                .setParameters("token=" + issued.getAccessToken()).setClientId(client.get("clientId").asText())
                .setClientSecret("wrong"));
        RevocationResponse anonymous = grantsmith.introspection().revocation(serviceId,
                new RevocationRequest().setParameters("token=" + issued.getAccessToken()));

        assertThat(wrongSecret.getAction()).isEqualTo(RevocationResponse.Action.INVALID_CLIENT);
        assertThat(wrongSecret.getResultCode()).isEqualTo("A157305");
        assertThat(anonymous.getAction()).isEqualTo(RevocationResponse.Action.INVALID_CLIENT);
        assertThat(revoke(client, "token_type_hint=access_token").getResultCode()).isEqualTo("A115301");
        assertThat(revoke(client, "token=").getResultCode()).isEqualTo("A115302");
        assertThat(revoke(client, "token=a&token=b").getResultCode()).isEqualTo("A115303");
        assertThat(grantsmith.introspection().revocation(serviceId, new RevocationRequest()).getAction())
                .isEqualTo(RevocationResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(standard("token=" + issued.getAccessToken()).getResultMessage()).contains("active=true");
    }

    @Test
    void whenAPublicClientRevokesItsTokenThenItIdentifiesItselfWithClientIdAlone() {
        ObjectNode publicClient = fixture.client(serviceId, "\"clientType\":\"PUBLIC\","
                + "\"tokenAuthMethod\":\"NONE\",\"grantTypes\":[\"PASSWORD\",\"REFRESH_TOKEN\"]");
        TokenResponse password = grantsmith.tokens().token(serviceId, new io.grantsmith.api.dto.TokenRequest()
                .setParameters("grant_type=password&username=alice&password=pw&client_id="
                        + publicClient.get("clientId").asText()));
        TokenIssueResponse issued = grantsmith.tokens().issue(serviceId,
                new TokenIssueRequest().setTicket(password.getTicket()).setSubject("user-1"));

        RevocationResponse response = grantsmith.introspection().revocation(serviceId, new RevocationRequest()
                .setParameters("token=" + issued.getRefreshToken() + "&client_id="
                        + publicClient.get("clientId").asText()));

        assertThat(response.getAction()).isEqualTo(RevocationResponse.Action.OK);
        assertThat(standard("token=" + issued.getRefreshToken()).getResponseContent())
                .isEqualTo("{\"active\":false}");
    }

    @Test
    void whenTheServiceListsRevocationAndIntrospectionMethodsThenOnlyThoseClientsMayCallTheEndpoints() {
        long strict = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"strict\","
                + "\"supportedScopes\":[{\"name\":\"read\"}],"
                + "\"supportedRevocationAuthMethods\":[\"CLIENT_SECRET_POST\"],"
                + "\"supportedIntrospectionAuthMethods\":[\"CLIENT_SECRET_POST\"]}")).get("apiKey").asLong();
        ObjectNode basic = fixture.client(strict, "\"grantTypes\":[\"PASSWORD\"]");

        RevocationResponse revoked = grantsmith.introspection().revocation(strict, new RevocationRequest()
                .setParameters("token=x").setClientId(basic.get("clientId").asText())
                .setClientSecret(basic.get("clientSecret").asText()));
        var introspector = grantsmith.introspection().introspectorRefusal(strict, "token=x",
                basic.get("clientId").asText(), basic.get("clientSecret").asText());

        assertThat(revoked.getAction()).isEqualTo(RevocationResponse.Action.INVALID_CLIENT);
        assertThat(revoked.getResultMessage()).isEqualTo("[A114391] The client authentication method "
                + "'client_secret_basic' is not allowed at the revocation endpoint of the service.");
        assertThat(introspector).isPresent();
        assertThat(FacadeFixture.parse(introspector.get().responseContent()).get("error_description").asText())
                .startsWith("[A145394] ");
        assertThat(grantsmith.introspection().introspectorRefusal(serviceId, "token=x",
                client.get("clientId").asText(), client.get("clientSecret").asText()))
                .as("a service that lists none allows the token endpoint's methods").isEmpty();
    }

    @Test
    void whenRevocationOrIntrospectionCannotIdentifyTheClientThenTheRefusalNamesItsOwnRequest() {
        String clientId = client.get("clientId").asText();

        RevocationResponse anonymous = grantsmith.introspection().revocation(serviceId,
                new RevocationRequest().setParameters("token=x"));
        RevocationResponse twice = grantsmith.introspection().revocation(serviceId,
                new RevocationRequest().setParameters("token=x&client_id=" + clientId + "&client_id=" + clientId));
        var anonymousIntrospector = grantsmith.introspection().introspectorRefusal(serviceId, "token=x", null, null);
        var twiceIntrospector = grantsmith.introspection().introspectorRefusal(serviceId,
                "token=x&client_id=" + clientId + "&client_id=" + clientId, null, null);

        assertThat(anonymous.getAction()).isEqualTo(RevocationResponse.Action.INVALID_CLIENT);
        assertThat(anonymous.getResultMessage()).isEqualTo("[A114301] The revocation request does not identify the "
                + "client: send 'client_id' or use HTTP Basic authentication.");
        assertThat(twice.getAction()).isEqualTo(RevocationResponse.Action.BAD_REQUEST);
        assertThat(twice.getResultMessage())
                .isEqualTo("[A114392] The revocation request contains 'client_id' more than once.");
        assertThat(FacadeFixture.parse(anonymousIntrospector.orElseThrow().responseContent())
                .get("error_description").asText()).isEqualTo("[A145395] The introspection request does not "
                        + "identify the client: send 'client_id' or use HTTP Basic authentication.");
        assertThat(FacadeFixture.parse(twiceIntrospector.orElseThrow().responseContent()).get("error_description")
                .asText()).isEqualTo("[A145396] The introspection request contains 'client_id' more than once.");
    }
}
