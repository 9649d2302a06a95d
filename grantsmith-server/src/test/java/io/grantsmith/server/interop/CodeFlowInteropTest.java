package io.grantsmith.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authorization code flow as openid-client 6 (on oauth4webapi) runs it ({@code interop/code-flow.mjs}):
 * discovery, an authorization URL with PKCE, nonce and state, the scripted login on the built-in page (its form with
 * the hidden page state and CSRF token posted back; or, as an authorization server of its own does it, through the
 * Authlete-style API), the code exchange with the ID token checked by the library (signature from {@code jwks_uri}, nonce; {@code at_hash} by the
 * script), userinfo, refresh (with an ID token consistent with the first: same {@code iss}, {@code sub}, {@code aud} and
 * {@code auth_time}, newer {@code iat}), introspection and revocation, for a client of each signing algorithm the service has a key for.
 */
class CodeFlowInteropTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String REDIRECT = "http://127.0.0.1:9/callback";

    private static final String PASSWORD = "correct horse battery staple";

    private static NodeClients node;
    private static ServiceRef service;

    @BeforeAll
    static void installClientsAndCreateServiceKeysAndUser() {
        node = NodeClients.prepare();
        service = SERVER.service(",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"email\"}],"
                + "\"supportedGrantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]");
        // a new service has an RS256 key; rotating an algorithm it has no key for adds a current one
        for (String algorithm : new String[] {"ES256", "EdDSA"}) {
            Reply rotation = SERVER.post(service.path("/service/keys/rotate?alg=" + algorithm))
                    .bearer(service.apiSecret()).send();
            assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        }
        SERVER.grantsmith().users().add(service.id(), "alice", PASSWORD, null,
                Json.parse("{\"email\":\"alice@example.com\",\"email_verified\":true}"), false);
    }

    private static JsonNode run(String algorithm, String login) {
        ClientRef client = SERVER.client(service, ",\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],"
                + "\"responseTypes\":[\"CODE\"],\"redirectUris\":[\"" + REDIRECT + "\"],"
                + "\"idTokenSignAlg\":\"" + algorithm + "\"");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("issuer", SERVER.baseUrl() + "/as/" + service.id());
        settings.put("api", SERVER.baseUrl() + "/api/" + service.id());
        settings.put("api-secret", service.apiSecret());
        settings.put("client-id", client.id());
        settings.put("client-secret", client.secret());
        settings.put("redirect-uri", REDIRECT);
        settings.put("username", "alice");
        settings.put("password", PASSWORD);
        settings.put("algorithm", algorithm);
        settings.put("login", login);
        return node.run("code-flow.mjs", settings);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void whenClientRunsTheCodeFlowThenOpenidClientAcceptsTheSignedIdTokenUserinfoAndRefresh(String algorithm) {
        JsonNode result = run(algorithm, "page");

        assertThat(result.path("authorize").path("outcome").asText()).as("%s", result).isEqualTo("redirect");
        assertThat(result.path("authorize").path("hidden_fields").toString()).contains("gs_csrf", "gs_page");
        assertThatTheLibraryAcceptedEveryStep(result, algorithm);
    }

    @Test
    void whenTheLoginGoesThroughTheAuthorizationApiThenOpenidClientAcceptsTheCodeItsIssueRedirectsWith() {
        JsonNode result = run("ES256", "api");

        assertThat(result.path("authorize").path("action").asText()).as("%s", result).isEqualTo("INTERACTION");
        assertThat(result.path("authorize").path("issue").asText()).isEqualTo("LOCATION");
        assertThatTheLibraryAcceptedEveryStep(result, "ES256");
    }

    private static void assertThatTheLibraryAcceptedEveryStep(JsonNode result, String algorithm) {
        JsonNode token = result.path("token");
        assertThat(token.path("outcome").asText()).as("%s", result).isEqualTo("token");
        assertThat(token.path("alg").asText()).isEqualTo(algorithm);
        assertThat(token.path("jwks_fetched").asBoolean()).as("signature checked with jwks_uri").isTrue();
        assertThat(token.path("sub").asText()).isEqualTo("alice");
        assertThat(token.path("nonce_matches").asBoolean()).isTrue();
        assertThat(token.path("at_hash").asText()).as("%s", token).isEqualTo("matches");
        assertThat(token.path("auth_time").asBoolean()).isTrue();
        assertThat(token.path("refresh_token").asBoolean()).isTrue();
        assertThat(result.path("userinfo").path("outcome").asText()).as("%s", result).isEqualTo("userinfo");
        assertThat(result.path("userinfo").path("claims")).isEqualTo(Json.parse(
                "{\"sub\":\"alice\",\"email\":\"alice@example.com\",\"email_verified\":true}"));
        JsonNode refresh = result.path("refresh");
        assertThat(refresh.path("outcome").asText()).as("%s", result).isEqualTo("token");
        // the built-in provider reissues an ID token on every refresh of an OpenID grant; the library has checked
        // it, and it must be consistent with the first (OpenID Connect Core §12.2)
        assertThat(refresh.path("id_token").asBoolean()).as("an ID token on refresh: %s", refresh).isTrue();
        assertThat(refresh.path("alg").asText()).isEqualTo(algorithm);
        assertThat(refresh.path("at_hash").asText()).as("%s", refresh).isEqualTo("matches");
        assertThat(refresh.path("same_iss").asBoolean()).as("same iss: %s", refresh).isTrue();
        assertThat(refresh.path("same_sub").asBoolean()).as("same sub: %s", refresh).isTrue();
        assertThat(refresh.path("same_aud").asBoolean()).as("same aud: %s", refresh).isTrue();
        assertThat(refresh.path("same_auth_time").asBoolean()).as("same auth_time: %s", refresh).isTrue();
        assertThat(refresh.path("iat_newer").asBoolean()).as("newer iat: %s", refresh).isTrue();
        JsonNode introspection = result.path("introspection");
        assertThat(introspection.path("outcome").asText()).as("%s", result).isEqualTo("introspection");
        assertThat(introspection.path("active").asBoolean()).isTrue();
        assertThat(introspection.path("sub").asText()).isEqualTo("alice");
        assertThat(introspection.path("active_after_revocation").asBoolean()).as("%s", introspection).isFalse();
    }
}
