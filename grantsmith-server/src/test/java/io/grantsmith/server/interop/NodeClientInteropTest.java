package io.grantsmith.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /as/{serviceId}/token} driven by strict Node.js OAuth clients (oauth4webapi and openid-client, the
 * scripts in {@code interop/}). Each script prints what the library made of the server's answers: a token it
 * accepted, an OAuth error or a WWW-Authenticate challenge it surfaced, or {@code "outcome":"rejected"} when it
 * refused a response as non-conforming (a null member, a bad {@code expires_in}, a wrong content type...).
 */
class NodeClientInteropTest {
    /** A client ID alias that form-URL-encoding changes (':' '%' '+' '~'), as oauth4webapi encodes it for Basic. */
    private static final String ALIAS = "node:app%2B+~x";
    /** Characters the form body must carry intact: '+', '&', '=', '%', a space and non-ASCII. */
    private static final String USERNAME = "bob+1@example.com";
    private static final String PASSWORD = "pässwörd + ✓ &=%";
    private static final long ACCESS_TOKEN_SECONDS = 86_400;

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static NodeClients node;
    private static ServiceRef service;
    private static ClientRef basic;
    private static ClientRef post;
    private static ClientRef publicClient;

    @BeforeAll
    static void installClientsAndCreateServiceClientsAndUser() {
        node = NodeClients.prepare();
        service = SERVER.service(",\"clientIdAliasEnabled\":true");
        basic = SERVER.client(service, ",\"clientIdAlias\":" + Json.quote(ALIAS) + ",\"clientIdAliasEnabled\":true");
        post = SERVER.client(service, ",\"tokenAuthMethod\":\"CLIENT_SECRET_POST\"");
        publicClient = SERVER.client(service, ",\"clientType\":\"PUBLIC\"");
        SERVER.user(service, USERNAME, PASSWORD);
    }

    @Test
    void whenClientUsesBasicWithAnAliasThatFormEncodingChangesThenOauth4webapiAcceptsTheToken() {
        JsonNode outcome = run("client-credentials.mjs", service, ALIAS, "basic", basic.secret());

        assertToken(outcome, "read", false);
    }

    @Test
    void whenClientUsesSecretPostThenOauth4webapiAcceptsATokenWithTheRequestedScope() {
        JsonNode outcome = run("client-credentials.mjs", service, post.id(), "post", post.secret(), "scope", "write");

        assertToken(outcome, "write", false);
    }

    @Test
    void whenNoScopeIsGrantedThenOauth4webapiAcceptsATokenWithoutScope() {
        ServiceRef noDefaultScope = SERVER.service(",\"supportedScopes\":[{\"name\":\"read\"}]");
        ClientRef client = SERVER.client(noDefaultScope, "");

        JsonNode outcome = run("client-credentials.mjs", noDefaultScope, client.id(), "basic", client.secret());

        assertToken(outcome, null, false);
    }

    @Test
    void whenPasswordGrantIsRefreshedThenTheTokenRotatesAndTheRotatedAwayOneIsInvalidGrant() {
        JsonNode flow = run("password-refresh.mjs", service, ALIAS, "basic", basic.secret(),
                "username", USERNAME, "password", PASSWORD, "scope", "read write");

        assertToken(flow.path("password"), "read write", true);
        assertToken(flow.path("refresh"), "read write", true);
        assertThat(flow.path("rotated").asBoolean()).as("a new refresh token: %s", flow).isTrue();
        assertError(flow.path("replay"), 400, "invalid_grant", "A053391");
        assertError(flow.path("afterReplay"), 400, "invalid_grant", "A053392");
    }

    @Test
    void whenPublicClientUsesNoneThenPasswordAndRefreshSucceedAndTheTokenRotates() {
        JsonNode flow = run("password-refresh.mjs", service, publicClient.id(), "none", null,
                "username", USERNAME, "password", PASSWORD);

        assertToken(flow.path("password"), "read", true);
        assertToken(flow.path("refresh"), "read", true);
        assertThat(flow.path("rotated").asBoolean()).as("a new refresh token: %s", flow).isTrue();
        assertError(flow.path("replay"), 400, "invalid_grant", "A053391");
    }

    @Test
    void whenPublicClientAsksForClientCredentialsThenOauth4webapiSurfacesUnauthorizedClient() {
        JsonNode outcome = run("client-credentials.mjs", service, publicClient.id(), "none", null);

        assertError(outcome, 400, "unauthorized_client", "A052301");
    }

    @Test
    void whenPasswordIsWrongThenOauth4webapiSurfacesInvalidGrantAndNoRefreshIsTried() {
        JsonNode flow = run("password-refresh.mjs", service, ALIAS, "basic", basic.secret(),
                "username", USERNAME, "password", PASSWORD + "x");

        // RFC 6749 §5.2 at our own endpoint (Authlete's /auth/token/fail mapping, invalid_request, stays on the API)
        assertError(flow.path("password"), 400, "invalid_grant", "A067301");
        assertThat(flow.has("refresh")).as("%s", flow).isFalse();
    }

    @Test
    void whenBasicSecretIsWrongThenOauth4webapiSurfacesA401BasicChallengeWithInvalidClient() {
        JsonNode outcome = run("client-credentials.mjs", service, ALIAS, "basic", "wrong-secret");

        assertThat(outcome.path("outcome").asText()).as("%s", outcome).isEqualTo("challenge");
        assertThat(outcome.path("status").asInt()).isEqualTo(401);
        assertThat(outcome.path("challenges")).singleElement().satisfies(challenge -> {
            assertThat(challenge.path("scheme").asText()).isEqualTo("basic");
            assertThat(challenge.path("realm").asText()).isNotEmpty();
        });
        assertThat(outcome.path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void whenPostSecretIsWrongThenOauth4webapiSurfacesA400InvalidClientWithoutChallenge() {
        JsonNode outcome = run("client-credentials.mjs", service, post.id(), "post", "wrong-secret");

        assertError(outcome, 400, "invalid_client", "A157305");
    }

    @Test
    void whenOpenidClientRunsClientCredentialsWithItsDefaultAuthenticationThenItAcceptsTheToken() {
        JsonNode outcome = run("openid-client.mjs", service, post.id(), null, post.secret(), "scope", "write");

        assertToken(outcome, "write", false);
        assertThat(outcome.path("expires_in_helper").asLong()).isBetween(ACCESS_TOKEN_SECONDS - 30, ACCESS_TOKEN_SECONDS);
    }

    /** Runs a script against {@code target}'s token endpoint; {@code more} are further setting/value pairs. */
    private static JsonNode run(String script, ServiceRef target, String clientId, String auth, String secret,
            String... more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("token-endpoint", SERVER.baseUrl() + "/as/" + target.id() + "/token");
        settings.put("client-id", clientId);
        if (auth != null) {
            settings.put("auth", auth);
        }
        if (secret != null) {
            settings.put("client-secret", secret);
        }
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return node.run(script, settings);
    }

    /** The library accepted a Bearer token response; {@code scope} null means the response had none. */
    private static void assertToken(JsonNode outcome, String scope, boolean refreshToken) {
        assertThat(outcome.path("outcome").asText()).as("what the library made of the response: %s", outcome)
                .isEqualTo("token");
        assertThat(outcome.path("token_type").asText()).isEqualTo("bearer"); // the library lower-cases it
        assertThat(outcome.path("expires_in").isIntegralNumber()).as("%s", outcome).isTrue();
        assertThat(outcome.path("expires_in").asLong()).isEqualTo(ACCESS_TOKEN_SECONDS);
        assertThat(outcome.path("access_token").asBoolean()).isTrue();
        assertThat(outcome.path("refresh_token").asBoolean()).as("a refresh token in %s", outcome)
                .isEqualTo(refreshToken);
        if (scope == null) {
            assertThat(outcome.has("scope")).as("%s", outcome).isFalse();
        } else {
            assertThat(outcome.path("scope").asText()).isEqualTo(scope);
        }
    }

    /** The library surfaced an OAuth error body (no challenge) with this status, error and result code. */
    private static void assertError(JsonNode outcome, int status, String error, String resultCode) {
        assertThat(outcome.path("outcome").asText()).as("what the library made of the response: %s", outcome)
                .isEqualTo("error");
        assertThat(outcome.path("status").asInt()).isEqualTo(status);
        assertThat(outcome.path("error").asText()).isEqualTo(error);
        assertThat(outcome.path("error_description").asText()).startsWith("[" + resultCode + "] ");
    }
}
