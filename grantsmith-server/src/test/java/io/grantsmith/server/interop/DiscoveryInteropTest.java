package io.grantsmith.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in server's discovery documents read by strict clients ({@code interop/discovery.mjs}): oauth4webapi's
 * {@code processDiscoveryResponse} and openid-client's {@code discovery()} refuse a document whose issuer is not
 * exactly the one they asked for, the check OpenID Connect Discovery §4.3 and RFC 8414 §3.3 require.
 */
class DiscoveryInteropTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static NodeClients node;
    private static long serviceId;

    @BeforeAll
    static void installClientsAndCreateService() {
        node = NodeClients.prepare();
        serviceId = service("");
    }

    private static long service(String extraMembers) {
        ObjectNode created = SERVER.grantsmith().services().create((ObjectNode) Json.parse("{\"serviceName\":\"op\","
                + "\"supportedScopes\":[{\"name\":\"openid\"}],\"supportedGrantTypes\":[\"AUTHORIZATION_CODE\"]"
                + extraMembers + "}"));
        return created.get("apiKey").asLong();
    }

    private static String issuer(long id) {
        return SERVER.baseUrl() + "/as/" + id;
    }

    private static JsonNode discover(String issuer, String algorithm) {
        return node.run("discovery.mjs", Map.of("issuer", issuer, "algorithm", algorithm));
    }

    private static void assertAccepted(JsonNode outcome, String issuer) {
        assertThat(outcome.path("outcome").asText()).as("what the library made of the document: %s", outcome)
                .isEqualTo("metadata");
        assertThat(outcome.path("issuer").asText()).isEqualTo(issuer);
        assertThat(outcome.path("authorization_endpoint").asText()).isEqualTo(issuer + "/authorize");
        assertThat(outcome.path("token_endpoint").asText()).isEqualTo(issuer + "/token");
        assertThat(outcome.path("jwks_uri").asText()).isEqualTo(issuer + "/jwks");
        List<String> algorithms = new ArrayList<>();
        outcome.path("id_token_signing_alg_values_supported").forEach(alg -> algorithms.add(alg.asText()));
        assertThat(algorithms).contains("RS256");
    }

    @Test
    void whenStrictClientsDiscoverTheOpenIdConfigurationThenTheyAcceptItsIssuerAndSeePkce() {
        JsonNode result = discover(issuer(serviceId), "oidc");

        assertAccepted(result.path("oauth4webapi"), issuer(serviceId));
        assertAccepted(result.path("openidClient"), issuer(serviceId));
        assertThat(result.path("openidClient").path("supportsPKCE").asBoolean()).as("%s", result).isTrue();
    }

    @Test
    void whenStrictClientsUseTheRfc8414UrlThenTheyAcceptTheSameDocument() {
        JsonNode result = discover(issuer(serviceId), "oauth2");

        assertAccepted(result.path("oauth4webapi"), issuer(serviceId));
        assertAccepted(result.path("openidClient"), issuer(serviceId));
    }

    @Test
    void whenServiceRequiresS256ThenOpenidClientStillSeesPkce() {
        long strict = service(",\"pkceS256Required\":true");

        JsonNode result = discover(issuer(strict), "oidc");

        assertThat(result.path("openidClient").path("supportsPKCE").asBoolean()).as("%s", result).isTrue();
        assertThat(result.path("openidClient").path("code_challenge_methods_supported").toString())
                .isEqualTo("[\"S256\"]");
    }

    @Test
    void whenTheIssuerAskedForDiffersByATrailingSlashThenBothLibrariesRejectTheDocument() {
        // the same document, fetched from <issuer>/.well-known/openid-configuration: only the comparison differs,
        // which shows that the libraries' issuer check is live in these tests
        JsonNode result = discover(issuer(serviceId) + "/", "oidc");

        assertThat(result.path("oauth4webapi").path("outcome").asText()).as("%s", result).isEqualTo("rejected");
        assertThat(result.path("oauth4webapi").path("code").asText()).isEqualTo("OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED");
        assertThat(result.path("openidClient").path("outcome").asText()).as("%s", result).isEqualTo("rejected");
    }

    @Test
    void whenServiceNamesAnotherIssuerThenNoDocumentIsServedAndTheLibrariesReject() {
        long elsewhere = service(",\"issuer\":\"https://as.example.org\"");

        JsonNode result = discover(issuer(elsewhere), "oidc");

        assertThat(result.path("oauth4webapi").path("outcome").asText()).as("%s", result).isEqualTo("rejected");
        assertThat(result.path("openidClient").path("outcome").asText()).as("%s", result).isEqualTo("rejected");
    }
}
