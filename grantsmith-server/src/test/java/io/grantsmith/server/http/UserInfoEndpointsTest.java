package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in OpenID Provider's userinfo endpoint, {@code GET|POST /as/{serviceId}/userinfo}: the token in the
 * header (GET and POST) or the body (POST), as the OpenID Foundation's basic plan calls it, and RFC 6750 answers.
 */
class UserInfoEndpointsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    static final String ALICE = "{\"name\":\"Alice Liddell\",\"email\":\"alice@example.com\","
            + "\"email_verified\":true,\"phone_number\":\"+64 21 000 000\"}";

    private static ServiceRef service;
    private static ClientRef client;

    /** A service with the OpenID Connect scopes, a client of the password grant and a user with claims. */
    static ServiceRef oidcService(HttpFixture server) {
        ObjectNode created = server.grantsmith().services().create((ObjectNode) Json.parse("{\"serviceName\":\"oidc\","
                + "\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"profile\"},{\"name\":\"email\"},"
                + "{\"name\":\"read\",\"defaultEntry\":true}]}"));
        ServiceRef service = new ServiceRef(created.get("apiKey").asLong(), created.get("apiSecret").asText());
        server.grantsmith().users().add(service.id(), "alice", "pw", "user-1", Json.parse(ALICE), false);
        return service;
    }

    /** An access token of alice's, by the password grant at the built-in token endpoint. */
    static String token(HttpFixture server, ServiceRef service, ClientRef client, String scope) {
        Reply reply = server.asToken(service, client, "grant_type=password&username=alice&password=pw&scope="
                + scope.replace(" ", "+"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.text("access_token");
    }

    @BeforeAll
    static void createServiceAndClient() {
        service = oidcService(SERVER);
        client = SERVER.client(service, "");
    }

    private static String userinfo() {
        return "/as/" + service.id() + "/userinfo";
    }

    @Test
    void whenTokenComesByGetHeaderPostHeaderOrPostBodyThenTheClaimsOfItsScopesAreReturned() {
        String token = token(SERVER, service, client, "openid email");

        Reply get = SERVER.get(userinfo()).bearer(token).send();
        Reply postHeader = SERVER.post(userinfo()).bearer(token).form("").send();
        Reply postBody = SERVER.post(userinfo()).form("access_token=" + token).send();

        for (Reply reply : new Reply[] {get, postHeader, postBody}) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.header("WWW-Authenticate")).as("oauth4webapi treats any challenge as an error").isNull();
            assertThat(reply.json()).isEqualTo(Json.parse("{\"sub\":\"user-1\",\"email\":\"alice@example.com\","
                    + "\"email_verified\":true}"));
        }
    }

    @Test
    void whenProfileIsGrantedThenNameComesTooAndClaimsTheUserLacksAreLeftOut() {
        JsonNode body = SERVER.get(userinfo()).bearer(token(SERVER, service, client, "openid profile")).send().json();

        assertThat(body).isEqualTo(Json.parse("{\"sub\":\"user-1\",\"name\":\"Alice Liddell\"}"));
    }

    @Test
    void whenNoTokenIsSentThen401WithABareBearerChallenge() {
        Reply reply = SERVER.get(userinfo()).send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"userinfo\"");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void whenTokenIsUnknownThen401InvalidTokenWithAuthletesChallenge() {
        Reply reply = SERVER.get(userinfo()).bearer("not-a-token").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\","
                + "error_description=\"[A088302] The access token does not exist.\","
                + "error_uri=\"https://docs.authlete.com/#A088302\"");
    }

    @Test
    void whenTokenLacksOpenidThen403InsufficientScope() {
        Reply password = SERVER.get(userinfo()).bearer(token(SERVER, service, client, "read")).send();
        Reply clientCredentials = SERVER.get(userinfo()).bearer(SERVER.asToken(service, client,
                "grant_type=client_credentials&scope=openid").text("access_token")).send();

        for (Reply reply : new Reply[] {password, clientCredentials}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\"")
                    .contains("[A089304]");
        }
    }

    @Test
    void whenTokenComesTwiceOrTheBodyIsBrokenThen400InvalidRequest() {
        String token = token(SERVER, service, client, "openid");

        Reply both = SERVER.post(userinfo()).bearer(token).form("access_token=" + token).send();
        Reply twice = SERVER.post(userinfo()).form("access_token=" + token + "&access_token=" + token).send();
        Reply broken = SERVER.post(userinfo()).form("access_token=%zz").send();

        for (Reply reply : new Reply[] {both, twice, broken}) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_request\"");
        }
    }

    @Test
    void whenABrowserApplicationCallsThenCorsLetsItReadTheAnswerAndTheChallenge() {
        Reply preflight = SERVER.call("OPTIONS", userinfo()).header("Origin", "https://spa.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").send();
        Reply ok = SERVER.get(userinfo()).header("Origin", "https://spa.example.com")
                .bearer(token(SERVER, service, client, "openid")).send();
        Reply refused = SERVER.get(userinfo()).header("Origin", "https://spa.example.com").bearer("unknown").send();

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(refused.header("Access-Control-Expose-Headers")).isEqualTo("WWW-Authenticate");
    }

    @Test
    void whenInputIsHostileThenTheAnswerIsAnOAuthRefusalNeverA500() {
        Reply longToken = SERVER.get(userinfo()).bearer("x".repeat(5000)).send();
        Reply otherScheme = SERVER.get(userinfo()).basic("alice", "pw").send();
        Reply controlCharacters = SERVER.post(userinfo()).form("access_token=%0D%0Aevil").send();
        Reply unknownService = SERVER.get("/as/999999999/userinfo").bearer("x").send();

        assertThat(longToken.status()).isEqualTo(401);
        assertThat(longToken.header("WWW-Authenticate")).contains("[A088302]");
        assertThat(otherScheme.status()).as("no Bearer token: as if none was sent").isEqualTo(401);
        assertThat(otherScheme.header("WWW-Authenticate")).isEqualTo(UserInfoEndpoints.NO_TOKEN_CHALLENGE);
        assertThat(controlCharacters.status()).isEqualTo(401);
        assertThat(controlCharacters.header("WWW-Authenticate")).doesNotContain("evil");
        assertThat(unknownService.status()).isEqualTo(404);
    }

    @Test
    void whenClientRegisteredASigningAlgorithmThenTheResponseIsAJwtSignedByTheServiceKey() throws Exception {
        ClientRef signing = SERVER.client(service, ",\"userInfoSignAlg\":\"RS256\"");

        Reply reply = SERVER.get(userinfo()).bearer(token(SERVER, service, signing, "openid email")).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/jwt");
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(
                JWKSet.parse(SERVER.get("/as/" + service.id() + "/jwks").send().body()))));
        JWTClaimsSet claims = processor.process(SignedJWT.parse(reply.body()), null);
        assertThat(claims.getSubject()).isEqualTo("user-1");
        assertThat(claims.getIssuer()).isEqualTo(SERVER.baseUrl() + "/as/" + service.id());
        assertThat(claims.getAudience()).containsExactly(signing.id());
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
    }

    @Test
    void whenClientIsPairwiseThenSubIsItsPairwiseIdentifierAndStable() {
        ClientRef pairwise = SERVER.client(service, ",\"subjectType\":\"PAIRWISE\","
                + "\"redirectUris\":[\"https://app.example.com/cb\"]");

        String first = SERVER.get(userinfo()).bearer(token(SERVER, service, pairwise, "openid")).send().text("sub");
        String second = SERVER.get(userinfo()).bearer(token(SERVER, service, pairwise, "openid")).send().text("sub");

        assertThat(first).isNotEqualTo("user-1").matches("[A-Za-z0-9_-]{43}").isEqualTo(second);
    }
}
