package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.HttpTarget;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies of the API: content types, JSON and form binding, size limits, and refusals inside a 200. */
class ApiBodiesTest {
    private static final String HOSTILE_VALUE = "<script>alert(1)</script>";

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service(",\"clientIdAliasEnabled\":true");
        client = SERVER.client(service, "");
    }

    private static HttpTarget.Call token() {
        return SERVER.post(service.path("/auth/token")).bearer(service.apiSecret());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x", "json"})
    void whenContentTypeIsNotJsonOrFormThen400A191203(String contentType) {
        token().body(contentType, "{\"parameters\":\"grant_type=client_credentials\"}".getBytes()).send()
                .assertApiFailure(400, "A191203");
    }

    @Test
    void whenContentTypeIsMissingThen400A191203() {
        token().body(null, "{}".getBytes()).send().assertApiFailure(400, "A191203");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"parameters\":}", "{} {}", "{'parameters':'x'}", "\u00ff\u00fe"})
    void whenJsonIsMalformedThen400A191205(String body) {
        token().json(body).send().assertApiFailure(400, "A191205");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"grant_type=client_credentials\"", "42", "true"})
    void whenJsonIsNotAnObjectThen400A191205(String body) {
        token().json(body).send().assertApiFailure(400, "A191205");
        SERVER.post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN).json(body).send()
                .assertApiFailure(400, "A191205");
    }

    @Test
    void whenJsonIsNestedTooDeeplyThenItIsRefusedWith400A191205() {
        String deepArrays = "[".repeat(5000) + "]".repeat(5000);
        String deepMember = "{\"parameters\":\"grant_type=client_credentials\",\"x\":" + "{\"a\":".repeat(100) + "1"
                + "}".repeat(100) + "}";

        token().json(deepArrays).send().assertApiFailure(400, "A191205");
        token().json(deepMember).send().assertApiFailure(400, "A191205");
        SERVER.post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN).json(deepMember).send()
                .assertApiFailure(400, "A191205");
    }

    @Test
    void whenMemberHasTheWrongTypeThen400NamingTheMemberWithoutEchoingTheValue() {
        Reply token = token().json("{\"parameters\":\"grant_type=client_credentials\",\"accessTokenDuration\":"
                + Json.quote(HOSTILE_VALUE) + "}").send().assertApiFailure(400, "A191205");
        Reply service = SERVER.post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN)
                .json("{\"accessTokenDuration\":" + Json.quote(HOSTILE_VALUE) + "}").send()
                .assertApiFailure(400, "A192203");

        assertThat(token.text("resultMessage")).contains("'accessTokenDuration'").doesNotContain(HOSTILE_VALUE);
        assertThat(service.text("resultMessage")).contains("'accessTokenDuration'").doesNotContain(HOSTILE_VALUE);
    }

    @Test
    void whenBodyIsEmptyThen400A191206() {
        token().json("").send().assertApiFailure(400, "A191206");
    }

    @Test
    void whenBodyIsLargerThan1MiBThen413A191204() {
        String padding = "x".repeat(1024 * 1024);

        token().json("{\"parameters\":\"grant_type=client_credentials\",\"pad\":\"" + padding + "\"}").send()
                .assertApiFailure(413, "A191204");
    }

    @Test
    void whenFormFieldIsRepeatedThen400A191205() {
        Reply reply = token().form("parameters=grant_type%3Dclient_credentials&clientId=1&clientId=2").send()
                .assertApiFailure(400, "A191205");

        assertThat(reply.text("resultMessage")).contains("'clientId'");
    }

    @Test
    void whenTokenRequestIsFormEncodedThenFieldsBindLikeJsonAndPropertiesAreIgnored() {
        String properties = URLEncoder.encode("[{\"key\":\"visible\",\"value\":\"v\"}]", StandardCharsets.UTF_8);

        Reply reply = token().form("parameters=" + URLEncoder.encode("grant_type=client_credentials&scope=write",
                        StandardCharsets.UTF_8) + "&clientId=" + client.id() + "&clientSecret=" + client.secret()
                        + "&properties=" + properties).send()
                .assertAction("OK", "A052001");

        assertThat(reply.json().get("scopes")).extracting(node -> node.asText()).containsExactly("write");
        assertThat(reply.json().get("properties").isNull()).isTrue();
        assertThat(Json.parse(reply.text("responseContent")).has("visible")).isFalse();
    }

    @Test
    void whenJsonTokenRequestHasPropertiesThenVisibleOnesReachTheTokenResponse() {
        Reply reply = token().json(HttpFixture.tokenRequest("grant_type=client_credentials", client,
                        ",\"properties\":[{\"key\":\"visible\",\"value\":\"v\"},{\"key\":\"secret\",\"value\":\"s\","
                                + "\"hidden\":true}]")).send()
                .assertAction("OK", "A052001");

        assertThat(Json.parse(reply.text("responseContent")).get("visible").asText()).isEqualTo("v");
        assertThat(Json.parse(reply.text("responseContent")).has("secret")).isFalse();
    }

    @Test
    void whenParametersAreMissingThen200WithInternalServerErrorA047201() {
        Reply reply = token().json("{\"clientId\":\"" + client.id() + "\"}").send()
                .assertAction("INTERNAL_SERVER_ERROR", "A047201");

        assertThat(Json.parse(reply.text("responseContent")).get("error").asText()).isEqualTo("server_error");
    }

    @Test
    void whenParametersAreEmptyThen200WithBadRequestA047301() {
        Reply reply = token().json("{\"parameters\":\"\"}").send().assertAction("BAD_REQUEST", "A047301");

        assertThat(Json.parse(reply.text("responseContent")).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void whenClientIdAliasIsTakenThen409A192204() {
        SERVER.client(service, ",\"clientIdAlias\":\"taken-alias\"");

        SERVER.post(service.path("/client/create")).bearer(service.apiSecret())
                .json("{\"clientName\":\"second\",\"clientIdAlias\":\"taken-alias\"}").send()
                .assertApiFailure(409, "A192204");
    }

    @ParameterizedTest
    @ValueSource(strings = {"accessTokenDuration", "refreshTokenDuration"})
    void whenServiceDurationCannotBeRepresentedThen400A192203InsteadOfFailingEveryTokenRequest(String member) {
        Reply reply = SERVER.post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN)
                .json("{\"" + member + "\":" + Long.MAX_VALUE + "}").send().assertApiFailure(400, "A192203");

        assertThat(reply.text("resultMessage")).contains("must not exceed");
        SERVER.post(service.path("/service/update")).bearer(service.apiSecret())
                .json("{\"" + member + "\":3155760001}").send().assertApiFailure(400, "A192203");
        SERVER.asToken(service, client, "grant_type=client_credentials").assertNoStore(200);
    }

    @Test
    void whenAnIntegerMemberIsGivenAFractionThen400A192203RatherThanStoringWhatSdksCannotRead() {
        Reply reply = SERVER.post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN)
                .json("{\"serviceName\":\"fraction\",\"accessTokenDuration\":100.7}").send()
                .assertApiFailure(400, "A192203");

        assertThat(reply.text("resultMessage")).contains("accessTokenDuration");
    }

    @Test
    void whenDocumentValueIsInvalidThen400A192203() {
        SERVER.post(service.path("/client/create")).bearer(service.apiSecret())
                .json("{\"grantTypes\":[\"TELEPATHY\"]}").send().assertApiFailure(400, "A192203");
        SERVER.get(service.path("/client/get/list?start=5&end=1")).bearer(service.apiSecret()).send()
                .assertApiFailure(400, "A192203");
        SERVER.get(service.path("/client/get/list?start=x")).bearer(service.apiSecret()).send()
                .assertApiFailure(400, "A192203");
    }
}
