package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call what on the API, and how unknown paths, services, clients and methods are answered. */
class ApiAccessTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ServiceRef other;

    @BeforeAll
    static void createServices() {
        service = SERVER.service("");
        other = SERVER.service("");
    }

    @Test
    void whenAuthorizationIsMissingThen401A001202() {
        SERVER.get(service.path("/service/get")).send().assertApiFailure(401, "A001202");
        SERVER.post("/api/service/create").json("{}").send().assertApiFailure(401, "A001202");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YTpi", "Bearer", "Bearer two tokens", "Token abc", "bearer"})
    void whenAuthorizationIsMalformedOrOfAnotherSchemeThen401A001291(String authorization) {
        SERVER.get(service.path("/service/get")).header("Authorization", authorization).send()
                .assertApiFailure(401, "A001291");
    }

    @Test
    void whenAuthorizationIsRepeatedThen401A001291() {
        SERVER.get(service.path("/service/get")).bearer(service.apiSecret()).bearer(service.apiSecret()).send()
                .assertApiFailure(401, "A001291");
    }

    @Test
    void whenTokenIsWrongThen401A001292() {
        SERVER.get(service.path("/service/get")).bearer("not-the-secret").send().assertApiFailure(401, "A001292");
    }

    @Test
    void whenA401IsAnsweredThenItNamesTheSchemeThePathTakes() {
        Reply v3 = SERVER.get(service.path("/service/get")).bearer("not-the-secret").send();
        Reply v2 = SERVER.post("/api/auth/token").basic(Long.toString(service.id()), "wrong").json("{}").send();

        v3.assertApiFailure(401, "A001292");
        assertThat(v3.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"grantsmith\"");
        assertThat(v2.status()).isEqualTo(401);
        assertThat(v2.header("WWW-Authenticate")).isEqualTo("Basic realm=\"grantsmith\"");
    }

    @Test
    void whenServiceSecretIsUsedOnAnotherServiceThen401A001292() {
        SERVER.get(other.path("/service/get")).bearer(service.apiSecret()).send().assertApiFailure(401, "A001292");
        SERVER.post(other.path("/auth/token")).bearer(service.apiSecret())
                .json("{\"parameters\":\"grant_type=client_credentials\"}").send().assertApiFailure(401, "A001292");
    }

    @Test
    void whenServiceSecretIsUsedToCreateOrListServicesThen401A001292() {
        SERVER.post("/api/service/create").bearer(service.apiSecret()).json("{}").send()
                .assertApiFailure(401, "A001292");
        SERVER.get("/api/service/get/list").bearer(service.apiSecret()).send().assertApiFailure(401, "A001292");
    }

    @Test
    void whenAdminTokenNamesAnUnknownServiceThen404A192201() {
        SERVER.get("/api/999999999/service/get").bearer(HttpFixture.ADMIN_TOKEN).send()
                .assertApiFailure(404, "A192201");
        SERVER.post("/api/999999999/auth/token").bearer(HttpFixture.ADMIN_TOKEN)
                .json("{\"parameters\":\"grant_type=client_credentials\"}").send().assertApiFailure(404, "A192201");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "99999999999999999999", "1.5"})
    void whenServiceIdIsNotAPositiveNumberThen404A192201(String serviceId) {
        SERVER.get("/api/" + serviceId + "/service/get").bearer(HttpFixture.ADMIN_TOKEN).send()
                .assertApiFailure(404, "A192201");
    }

    @ParameterizedTest
    @CsvSource({"GET,/client/get/123456", "GET,/client/get/no-such-alias", "DELETE,/client/delete/123456",
            "POST,/client/update/123456", "POST,/client/update/not-a-number"})
    void whenClientIsUnknownThen404A192202(String method, String path) {
        SERVER.call(method, service.path(path)).bearer(service.apiSecret())
                .json("{\"clientName\":\"x\"}").send()
                .assertApiFailure(404, "A192202");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nothing/here/at/all", "/", "/api", "/api/1/auth/token/create",
            "/api/1/auth/token/issue/more"})
    void whenPathIsUnknownThen404A191201(String path) {
        SERVER.get(path).bearer(HttpFixture.ADMIN_TOKEN).send().assertApiFailure(404, "A191201");
    }

    @ParameterizedTest
    @CsvSource({"GET,/api/service/create,POST", "DELETE,/api/{id}/service/get,GET",
            "PUT,/api/{id}/service/update,POST", "POST,/api/{id}/client/get/list,GET", "GET,/api/{id}/auth/token,POST",
            "GET,/api/auth/token/issue,POST", "POST,/health,'GET, HEAD'", "PATCH,/api/{id}/client/delete/1,DELETE"})
    void whenMethodIsWrongThen405WithAllow(String method, String path, String allowed) {
        Reply reply = SERVER.call(method, path.replace("{id}", Long.toString(service.id())))
                .bearer(HttpFixture.ADMIN_TOKEN).send().assertApiFailure(405, "A191202");

        assertThat(reply.header("Allow")).isEqualTo(allowed);
        assertThat(reply.text("resultMessage")).contains(method);
    }

    @Test
    void whenAdminTokenIsUsedThenEveryServiceIsReachable() {
        Reply reply = SERVER.get(other.path("/service/get")).bearer(HttpFixture.ADMIN_TOKEN).send().assertJson(200);

        assertThat(reply.json().get("apiKey").asLong()).isEqualTo(other.id());
        assertThat(reply.json().get("apiSecret").isNull()).isTrue();
    }
}
