package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/{serviceId}/service/secret/rotate}: a new API secret, and the old one refused at once. */
class SecretRotationTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    @Test
    void whenAdminRotatesTheSecretThenTheOldOneIsRefusedAtOnceOnV3AndV2AndTheNewOneWorks() {
        ServiceRef service = SERVER.service("");
        ClientRef client = SERVER.client(service, "");
        v3Call(service.apiSecret(), service).assertJson(200);
        v2Call(service.apiSecret(), service, client).assertAction("OK", "A052001");

        Reply rotated = SERVER.post(service.path("/service/secret/rotate")).bearer(HttpFixture.ADMIN_TOKEN).send()
                .assertJson(200);

        assertThat(rotated.text("resultCode")).isEqualTo("A192001");
        assertThat(rotated.text("resultMessage")).isEqualTo("[A192001] /service/secret/rotate, The API secret of "
                + "the service (API Key = " + service.id() + ") was replaced.");
        assertThat(rotated.json().get("apiKey").asLong()).isEqualTo(service.id());
        String fresh = rotated.text("apiSecret");
        assertThat(fresh).hasSize(43).isNotEqualTo(service.apiSecret());
        v3Call(service.apiSecret(), service).assertApiFailure(401, "A001292");
        v2Call(service.apiSecret(), service, client).assertApiFailure(401, "A001292");
        assertThat(SERVER.get("/api/service/get").basic(Long.toString(service.id()), service.apiSecret()).send()
                .status()).isEqualTo(401);
        v3Call(fresh, service).assertJson(200);
        v2Call(fresh, service, client).assertAction("OK", "A052001");
        assertThat(SERVER.asToken(service, client, "grant_type=client_credentials").status())
                .as("clients and their tokens are untouched").isEqualTo(200);
    }

    @Test
    void whenTheServiceItselfOrNoOneAsksToRotateThenItIsRefusedAndTheSecretKept() {
        ServiceRef service = SERVER.service("");

        SERVER.post(service.path("/service/secret/rotate")).bearer(service.apiSecret()).send()
                .assertApiFailure(401, "A001292");
        SERVER.post(service.path("/service/secret/rotate")).basic(Long.toString(service.id()), service.apiSecret())
                .send().assertApiFailure(401, "A001291");
        SERVER.post(service.path("/service/secret/rotate")).send().assertApiFailure(401, "A001202");

        v3Call(service.apiSecret(), service).assertJson(200);
    }

    @Test
    void whenTheServiceIsUnknownThen404() {
        SERVER.post("/api/999999999/service/secret/rotate").bearer(HttpFixture.ADMIN_TOKEN).send()
                .assertApiFailure(404, "A192201");
        SERVER.post("/api/abc/service/secret/rotate").bearer(HttpFixture.ADMIN_TOKEN).send()
                .assertApiFailure(404, "A192201");
    }

    @Test
    void whenTheServiceIsUpdatedAfterARotationThenTheNewSecretStays() {
        ServiceRef service = SERVER.service("");
        String fresh = SERVER.post(service.path("/service/secret/rotate")).bearer(HttpFixture.ADMIN_TOKEN).send()
                .assertJson(200).text("apiSecret");

        SERVER.post(service.path("/service/update")).bearer(fresh).json("{\"serviceName\":\"renamed\"}").send()
                .assertJson(200);

        v3Call(fresh, service).assertJson(200);
        v3Call(service.apiSecret(), service).assertApiFailure(401, "A001292");
    }

    private static Reply v3Call(String secret, ServiceRef service) {
        return SERVER.get(service.path("/service/get")).bearer(secret).send();
    }

    private static Reply v2Call(String secret, ServiceRef service, ClientRef client) {
        return SERVER.post("/api/auth/token").basic(Long.toString(service.id()), secret)
                .json(HttpFixture.tokenRequest("grant_type=client_credentials", client, "")).send();
    }
}
