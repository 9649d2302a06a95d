package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.HttpTarget;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Authlete's v2 management paths ({@code /api/client/…}, {@code /api/service/get}) with HTTP Basic, as authlete-php
 * calls them: the v3 documents and result codes, and a Basic challenge on 401. The SDK's view is in
 * {@code AuthleteSdkV2Test}.
 */
class ManagementV2PathsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;
    private static String basic;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
        basic = HttpTarget.basicHeader(Long.toString(service.id()), service.apiSecret());
    }

    @Test
    void whenServiceIsReadOnTheV2PathThenItIsTheV3Document() {
        Reply v2 = SERVER.get("/api/service/get").header("Authorization", basic).send().assertJson(200);
        Reply v3 = SERVER.get(service.path("/service/get")).bearer(service.apiSecret()).send().assertJson(200);

        assertThat(v2.json()).isEqualTo(v3.json());
        assertThat(v2.json().get("apiKey").asLong()).isEqualTo(service.id());
        assertThat(v2.json().has("apiSecret") && !v2.json().get("apiSecret").isNull()).isFalse();
    }

    @Test
    void whenClientIsReadOnTheV2PathThenItIsTheV3Document() {
        Reply v2 = SERVER.get("/api/client/get/" + client.id()).header("Authorization", basic).send().assertJson(200);
        Reply v3 = SERVER.get(service.path("/client/get/" + client.id())).bearer(service.apiSecret()).send();

        assertThat(v2.json()).isEqualTo(v3.json());
        assertThat(v2.text("clientSecret")).isEqualTo(client.secret());
    }

    @Test
    void whenClientsAreListedOnTheV2PathThenTheLiteralListWinsOverAClientId() {
        Reply list = SERVER.get("/api/client/get/list?start=0&end=10&developer=").header("Authorization", basic).send()
                .assertJson(200);

        assertThat(list.json().get("totalCount").asInt()).isPositive();
        assertThat(list.json().get("clients").findValuesAsText("clientId")).contains(client.id());
    }

    @Test
    void whenClientIsCreatedUpdatedAndDeletedOnTheV2PathThenV3SeesEachStep() {
        Reply created = SERVER.post("/api/client/create").header("Authorization", basic)
                .json("{\"clientName\":\"php\",\"grantTypes\":[\"CLIENT_CREDENTIALS\"]}").send().assertJson(200);
        String id = created.text("clientId");

        SERVER.post("/api/client/update/" + id).header("Authorization", basic)
                .json("{\"clientName\":\"renamed\",\"grantTypes\":[\"CLIENT_CREDENTIALS\"]}").send().assertJson(200);
        assertThat(SERVER.get(service.path("/client/get/" + id)).bearer(service.apiSecret()).send()
                .assertJson(200).text("clientName")).isEqualTo("renamed");

        Reply deleted = SERVER.call("DELETE", "/api/client/delete/" + id).header("Authorization", basic).send();
        assertThat(deleted.status()).isEqualTo(204);
        SERVER.get(service.path("/client/get/" + id)).bearer(service.apiSecret()).send()
                .assertApiFailure(404, "A192202");
    }

    @ParameterizedTest
    @CsvSource({"GET,/api/client/get/123456,404,A192202", "GET,/api/client/get/no-such-alias,404,A192202",
            "POST,/api/client/update/not-a-number,404,A192202", "DELETE,/api/client/delete/123456,404,A192202",
            "GET,/api/client/get/list?start=x,400,A192203", "GET,/api/client/get/list?developer=alice,400,A192203",
            "GET,/api/service/get/999999999,401,A001292", "GET,/api/service/get/abc,404,A192201"})
    void whenAV2CallIsWrongThenItGetsTheV3ResultCode(String method, String path, int status, String code) {
        SERVER.call(method, path).header("Authorization", basic).json("{\"clientName\":\"x\"}").send()
                .assertApiFailure(status, code);
    }

    @Test
    void whenV2CredentialsAreMissingOrWrongThen401WithABasicChallenge() {
        Reply missing = SERVER.get("/api/client/get/list").send().assertApiFailure(401, "A001202");
        Reply wrong = SERVER.get("/api/service/get").basic(Long.toString(service.id()), "wrong").send()
                .assertApiFailure(401, "A001292");
        Reply bearer = SERVER.post("/api/client/create").bearer(service.apiSecret()).json("{}").send()
                .assertApiFailure(401, "A001291");

        for (Reply reply : new Reply[] {missing, wrong, bearer}) {
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"grantsmith\"");
        }
    }

    @Test
    void whenTheBodyIsBadOnTheV2PathThenTheV3CodesApply() {
        SERVER.post("/api/client/create").header("Authorization", basic).json("{not json").send()
                .assertApiFailure(400, "A191205");
        SERVER.post("/api/client/create").header("Authorization", basic).body("text/plain", "x".getBytes()).send()
                .assertApiFailure(400, "A191203");
    }
}
