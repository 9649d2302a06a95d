package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discovery and the effective issuer through the embedded facade. */
class DiscoveryTest {
    private static final String PUBLIC_URL = "https://login.example.com";

    private final FacadeFixture fixture = new FacadeFixture(b -> b.publicUrl(PUBLIC_URL + "/"));
    private final Grantsmith grantsmith = fixture.grantsmith;

    @AfterEach
    void close() {
        fixture.close();
    }

    private long service(String members) {
        return fixture.service(members).get("apiKey").asLong();
    }

    private String issuerOf(long serviceId) {
        return grantsmith.directory().findService(serviceId).orElseThrow().authorization().issuer();
    }

    private JsonNode builtIn(long serviceId) {
        return FacadeFixture.parse(grantsmith.discovery().builtInConfiguration(serviceId));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void whenServiceNamesNoIssuerThenItsIssuerIsTheBuiltInServersUnderThePublicUrl() {
        long serviceId = service("");

        assertThat(issuerOf(serviceId)).isEqualTo(PUBLIC_URL + "/as/" + serviceId);
        assertThat(builtIn(serviceId).get("issuer").asText()).isEqualTo(PUBLIC_URL + "/as/" + serviceId);
    }

    @Test
    void whenServiceNamesAnIssuerThenThatIsItsIssuerAndTheBuiltInServerServesNoDocumentForIt() {
        long serviceId = service(",\"issuer\":\"https://as.example.org\"");

        assertThat(issuerOf(serviceId)).isEqualTo("https://as.example.org");
        assertThatThrownBy(() -> grantsmith.discovery().builtInConfiguration(serviceId))
                .isInstanceOfSatisfying(ApiFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ApiResultCode.ISSUER_NOT_BUILT_IN);
                    assertThat(failure.code().httpStatus()).isEqualTo(404);
                    assertThat(failure.resultMessage("/x")).contains("https://as.example.org")
                            .contains(PUBLIC_URL + "/as/" + serviceId);
                });
        assertThat(grantsmith.discovery().builtInProvider(
                grantsmith.directory().findService(serviceId).orElseThrow())).isEmpty();
    }

    @Test
    void whenServiceNamesTheBuiltInIssuerExactlyThenTheBuiltInServerActsForIt() {
        long serviceId = service("");
        grantsmith.services().update(serviceId, FacadeFixture.json("{\"serviceName\":\"demo\",\"issuer\":\""
                + PUBLIC_URL + "/as/" + serviceId + "\"}"));

        assertThat(builtIn(serviceId).get("issuer").asText()).isEqualTo(PUBLIC_URL + "/as/" + serviceId);
    }

    @Test
    void whenTheApiDocumentIsAskedForThenItUsesTheConfiguredIssuerAndFrontEndUrlsAndTheBuiltInOnesOtherwise() {
        long serviceId = service(",\"issuer\":\"https://as.example.org\","
                + "\"authorizationEndpoint\":\"https://as.example.org/authorize\"");

        JsonNode document = FacadeFixture.parse(grantsmith.discovery().configuration(serviceId, false, null));

        assertThat(document.get("issuer").asText()).isEqualTo("https://as.example.org");
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo("https://as.example.org/authorize");
        assertThat(document.get("token_endpoint").asText()).isEqualTo(PUBLIC_URL + "/as/" + serviceId + "/token");
    }

    @Test
    void whenKeysForMoreAlgorithmsAreAddedThenTheyAppearInTheDocument() {
        long serviceId = service("");
        assertThat(texts(builtIn(serviceId).get("id_token_signing_alg_values_supported"))).containsExactly("RS256");

        grantsmith.keys().rotate(serviceId, SigningAlgorithm.ES256);
        grantsmith.keys().rotate(serviceId, SigningAlgorithm.EdDSA);

        assertThat(texts(builtIn(serviceId).get("id_token_signing_alg_values_supported")))
                .containsExactly("RS256", "ES256", "EdDSA");
        assertThat(texts(builtIn(serviceId).get("userinfo_signing_alg_values_supported")))
                .as("signed userinfo uses the same keys").containsExactly("RS256", "ES256", "EdDSA");
    }

    @Test
    void whenServiceIsUnknownThenBothDocumentsAreNotFound() {
        assertThatThrownBy(() -> grantsmith.discovery().builtInConfiguration(404))
                .isInstanceOfSatisfying(ApiFailure.class, f -> assertThat(f.code()).isEqualTo(ApiResultCode.SERVICE_NOT_FOUND));
        assertThatThrownBy(() -> grantsmith.discovery().configuration(404, false, null))
                .isInstanceOfSatisfying(ApiFailure.class, f -> assertThat(f.code()).isEqualTo(ApiResultCode.SERVICE_NOT_FOUND));
    }

    @Test
    void whenPrettyIsAskedForThenTheDocumentIsIndentedAndOtherwiseCompact() {
        long serviceId = service("");

        assertThat(grantsmith.discovery().configuration(serviceId, true, null)).contains("\n  \"issuer\"");
        assertThat(grantsmith.discovery().configuration(serviceId, false, null)).doesNotContain("\n");
    }

    @Test
    void whenThePublicUrlIsLearnedFromTheListenerThenServicesAlreadyReadTakeTheNewIssuer() {
        try (FacadeFixture learning = new FacadeFixture()) {
            long serviceId = learning.service("").get("apiKey").asLong();
            assertThat(learning.grantsmith.directory().findService(serviceId).orElseThrow()
                    .authorization().issuer()).as("no public URL yet").isNull();

            learning.grantsmith.listening("http://127.0.0.1:4711");

            assertThat(learning.grantsmith.directory().findService(serviceId).orElseThrow()
                    .authorization().issuer()).isEqualTo("http://127.0.0.1:4711/as/" + serviceId);
        }
    }
}
