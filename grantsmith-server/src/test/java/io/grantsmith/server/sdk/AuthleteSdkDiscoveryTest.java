package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiException;
import com.authlete.common.dto.ServiceConfigurationRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authlete's Java SDK 4.33 reading a service's discovery document ({@code getServiceConfiguration}), v3 and v2. */
class AuthleteSdkDiscoveryTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;

    @BeforeAll
    static void createService() {
        service = SERVER.service(",\"issuer\":\"https://as.example.com\","
                + "\"authorizationEndpoint\":\"https://as.example.com/authorize\"");
    }

    @Test
    void whenTheSdkAsksForTheConfigurationOnV3OrV2ThenItGetsTheRawDocument() {
        AuthleteApi v3 = AuthleteSdk.v3(SERVER, service.id(), service.apiSecret());
        AuthleteApi v2 = AuthleteSdk.v2(SERVER, service.id(), service.apiSecret());

        String fromV3 = v3.getServiceConfiguration();
        String fromV2 = v2.getServiceConfiguration();

        JsonNode document = Json.parse(fromV3);
        assertThat(document.get("issuer").asText()).isEqualTo("https://as.example.com");
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo("https://as.example.com/authorize");
        assertThat(document.has("resultCode")).isFalse();
        assertThat(fromV2).isEqualTo(fromV3);
        assertThat(v3.getServiceConfiguration(true)).contains("\n").isNotEqualTo(fromV3);
        assertThat(Json.parse(v2.getServiceConfiguration(true))).isEqualTo(document);
    }

    @Test
    void whenTheSdkPostsAPatchThenTheDocumentComesBackPatched() {
        String patch = "[{\"op\":\"add\",\"path\":\"/custom\",\"value\":{\"a\":1}},"
                + "{\"op\":\"replace\",\"path\":\"/issuer\",\"value\":\"https://patched.example.com\"}]";
        ServiceConfigurationRequest request = new ServiceConfigurationRequest().setPretty(true).setPatch(patch);

        JsonNode fromV3 = Json.parse(AuthleteSdk.v3(SERVER, service.id(), service.apiSecret())
                .getServiceConfiguration(request));
        JsonNode fromV2 = Json.parse(AuthleteSdk.v2(SERVER, service.id(), service.apiSecret())
                .getServiceConfiguration(request));

        assertThat(fromV3.get("custom").get("a").asInt()).isEqualTo(1);
        assertThat(fromV3.get("issuer").asText()).isEqualTo("https://patched.example.com");
        assertThat(fromV2).isEqualTo(fromV3);
    }

    @Test
    void whenThePatchFailsThenTheSdkRaisesAnApiExceptionWithAuthletesErrorBody() {
        ServiceConfigurationRequest request = new ServiceConfigurationRequest()
                .setPatch("[{\"op\":\"remove\",\"path\":\"/no_such_member\"}]");
        AuthleteApi sdk = AuthleteSdk.v3(SERVER, service.id(), service.apiSecret());

        assertThatThrownBy(() -> sdk.getServiceConfiguration(request))
                .isInstanceOfSatisfying(AuthleteApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(Json.parse(e.getResponseBody()).get("resultCode").asText()).isEqualTo("A192206");
                });
    }
}
