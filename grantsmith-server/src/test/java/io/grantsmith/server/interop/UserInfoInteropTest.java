package io.grantsmith.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The built-in userinfo endpoint as oauth4webapi reads it ({@code interop/userinfo.mjs}): a JSON or, for a client
 * that registered {@code userinfo_signed_response_alg}, a JWT response whose {@code sub} is the user's, and an
 * RFC 6750 challenge for a token the server never issued.
 */
class UserInfoInteropTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String PASSWORD = "correct horse battery staple";

    private static NodeClients node;
    private static ServiceRef service;
    private static ClientRef plain;
    private static ClientRef signing;

    @BeforeAll
    static void installClientsAndCreateServiceClientsAndUser() {
        node = NodeClients.prepare();
        ObjectNode created = SERVER.grantsmith().services().create((ObjectNode) Json.parse("{\"serviceName\":\"op\","
                + "\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"profile\"},{\"name\":\"email\"}]}"));
        service = new ServiceRef(created.get("apiKey").asLong(), created.get("apiSecret").asText());
        plain = SERVER.client(service, "");
        signing = SERVER.client(service, ",\"userInfoSignAlg\":\"RS256\"");
        SERVER.grantsmith().users().add(service.id(), "alice", PASSWORD, null, Json.parse(
                "{\"name\":\"Alice Liddell\",\"email\":\"alice@example.com\",\"email_verified\":true}"), false);
    }

    private static JsonNode run(ClientRef client, String scope, String algorithm) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("issuer", SERVER.baseUrl() + "/as/" + service.id());
        settings.put("client-id", client.id());
        settings.put("client-secret", client.secret());
        settings.put("username", "alice");
        settings.put("password", PASSWORD);
        settings.put("scope", scope);
        if (algorithm != null) {
            settings.put("algorithm", algorithm);
        }
        return node.run("userinfo.mjs", settings);
    }

    @Test
    void whenTokenHasOpenidAndEmailThenOauth4webapiAcceptsTheJsonClaims() {
        JsonNode result = run(plain, "openid email", null);

        assertThat(result.path("token").path("outcome").asText()).as("%s", result).isEqualTo("token");
        assertThat(result.path("userinfo").path("outcome").asText()).as("%s", result).isEqualTo("userinfo");
        assertThat(result.path("userinfo").path("claims")).isEqualTo(Json.parse(
                "{\"sub\":\"alice\",\"email\":\"alice@example.com\",\"email_verified\":true}"));
    }

    @Test
    void whenClientRegisteredASigningAlgorithmThenOauth4webapiAcceptsTheJwtWithIssAndAud() {
        JsonNode result = run(signing, "openid profile", "RS256");

        JsonNode claims = result.path("userinfo").path("claims");
        assertThat(result.path("userinfo").path("outcome").asText()).as("%s", result).isEqualTo("userinfo");
        assertThat(claims.path("sub").asText()).isEqualTo("alice");
        assertThat(claims.path("name").asText()).isEqualTo("Alice Liddell");
        assertThat(claims.path("iss").asText()).isEqualTo(SERVER.baseUrl() + "/as/" + service.id());
        assertThat(claims.path("aud").asText()).isEqualTo(signing.id());
    }

    @Test
    void whenTokenIsUnknownThenOauth4webapiSurfacesTheInvalidTokenChallenge() {
        JsonNode unknown = run(plain, "openid", null).path("unknown");

        assertThat(unknown.path("outcome").asText()).as("%s", unknown).isEqualTo("challenge");
        assertThat(unknown.path("status").asInt()).isEqualTo(401);
        JsonNode challenge = unknown.path("challenges").path(0);
        assertThat(challenge.path("scheme").asText()).isEqualTo("bearer");
        assertThat(challenge.path("error").asText()).isEqualTo("invalid_token");
        assertThat(challenge.path("error_description").asText()).startsWith("[A088302] ");
    }
}
