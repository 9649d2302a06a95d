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
 * The built-in {@code /introspect} and {@code /revoke} as oauth4webapi uses them ({@code interop/introspection.mjs}):
 * endpoints found by discovery, an RFC 7662 body the library accepts, an RFC 7009 revocation of the refresh token
 * after which the grant's tokens are inactive, with {@code client_secret_basic} and {@code client_secret_post}.
 */
class IntrospectionInteropTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String PASSWORD = "correct horse battery staple";

    private static NodeClients node;
    private static ServiceRef service;
    private static ClientRef basic;
    private static ClientRef post;

    @BeforeAll
    static void installClientsAndCreateServiceClientsAndUser() {
        node = NodeClients.prepare();
        ObjectNode created = SERVER.grantsmith().services().create((ObjectNode) Json.parse("{\"serviceName\":\"op\","
                + "\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"read\"}]}"));
        service = new ServiceRef(created.get("apiKey").asLong(), created.get("apiSecret").asText());
        basic = SERVER.client(service, "");
        post = SERVER.client(service, ",\"tokenAuthMethod\":\"CLIENT_SECRET_POST\"");
        SERVER.grantsmith().users().add(service.id(), "alice", PASSWORD, null, Json.parse("{}"), false);
    }

    private static JsonNode run(ClientRef client, String auth) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("issuer", SERVER.baseUrl() + "/as/" + service.id());
        settings.put("client-id", client.id());
        settings.put("client-secret", client.secret());
        settings.put("auth", auth);
        settings.put("username", "alice");
        settings.put("password", PASSWORD);
        settings.put("scope", "openid read");
        return node.run("introspection.mjs", settings);
    }

    @Test
    void whenOauth4webapiIntrospectsAndRevokesWithBasicThenItAcceptsEveryAnswer() {
        assertIntrospectedAndRevoked(run(basic, "basic"), basic);
    }

    @Test
    void whenOauth4webapiIntrospectsAndRevokesWithPostThenItAcceptsEveryAnswer() {
        assertIntrospectedAndRevoked(run(post, "post"), post);
    }

    private static void assertIntrospectedAndRevoked(JsonNode result, ClientRef client) {
        String issuer = SERVER.baseUrl() + "/as/" + service.id();
        assertThat(result.path("endpoints").path("introspection").asText()).isEqualTo(issuer + "/introspect");
        assertThat(result.path("endpoints").path("revocation").asText()).isEqualTo(issuer + "/revoke");
        assertThat(result.path("token").path("outcome").asText()).as("%s", result).isEqualTo("token");
        JsonNode introspected = result.path("introspect");
        assertThat(introspected.path("outcome").asText()).as("%s", result).isEqualTo("introspection");
        assertThat(introspected.path("active").asBoolean()).isTrue();
        assertThat(introspected.path("client_id").asText()).isEqualTo(client.id());
        assertThat(introspected.path("sub").asText()).isEqualTo("alice");
        assertThat(introspected.path("scope").asText()).isEqualTo("openid read");
        assertThat(introspected.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(introspected.path("exp").asBoolean()).isTrue();
        assertThat(introspected.path("iss").asText()).isEqualTo(issuer);
        assertThat(result.path("revoke").path("outcome").asText()).as("%s", result).isEqualTo("revoked");
        assertThat(result.path("after").path("access").path("active").asBoolean(true)).as("%s", result).isFalse();
        assertThat(result.path("after").path("refresh").path("active").asBoolean(true)).isFalse();
        assertThat(result.path("unknown").path("outcome").asText()).isEqualTo("introspection");
        assertThat(result.path("unknown").path("active").asBoolean(true)).isFalse();
        assertThat(result.path("revokeUnknown").path("outcome").asText()).isEqualTo("revoked");
    }
}
