package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The authorization API on the wire: form and JSON bodies, v3 and v2 paths, authentication, no-store answers. */
class AuthorizationApiEndpointsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String REDIRECT = "https://client.example/cb";

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, ",\"redirectUris\":[\"" + REDIRECT + "\"]");
    }

    private static String parameters() {
        return "response_type=code&client_id=" + client.id() + "&redirect_uri=" + REDIRECT + "&state=abc"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void whenBodiesAreFormsThenTheFlowRunsAndEveryAnswerIsNoStore() {
        Reply authorization = SERVER.post(service.path("/auth/authorization")).bearer(service.apiSecret())
                .form(form("parameters", parameters())).send();
        authorization.assertNoStore(200).assertAction("INTERACTION", "A004001");
        String ticket = authorization.text("ticket");

        Reply issued = SERVER.post(service.path("/auth/authorization/issue")).bearer(service.apiSecret())
                .form(form("ticket", ticket) + "&subject=alice&scopes=read&scopes=write").send();

        issued.assertNoStore(200).assertAction("LOCATION", "A040001");
        assertThat(issued.text("responseContent")).startsWith(REDIRECT + "?code=" + issued.text("authorizationCode")
                + "&state=abc&iss=");
    }

    @Test
    void whenCalledOnV2PathsWithJsonThenTheSameAnswers() {
        Reply authorization = SERVER.post("/api/auth/authorization").basic(Long.toString(service.id()),
                service.apiSecret()).json("{\"parameters\":" + Json.quote(parameters()) + "}").send();
        authorization.assertNoStore(200).assertAction("INTERACTION", "A004001");

        Reply failed = SERVER.post("/api/auth/authorization/fail").basic(Long.toString(service.id()),
                service.apiSecret()).json("{\"ticket\":" + Json.quote(authorization.text("ticket"))
                        + ",\"reason\":\"DENIED\"}").send();

        failed.assertNoStore(200).assertAction("LOCATION", "A060306");
        assertThat(failed.text("responseContent")).startsWith(REDIRECT + "?error=access_denied&");
    }

    @Test
    void whenTheCallerIsNotAuthenticatedThenTheCallIsRefusedBeforeAnyTicket() {
        SERVER.post(service.path("/auth/authorization")).bearer("wrong")
                .json("{\"parameters\":" + Json.quote(parameters()) + "}").send()
                .assertApiFailure(401, "A001292");
        SERVER.post("/api/auth/authorization/issue").json("{\"ticket\":\"t\",\"subject\":\"s\"}").send()
                .assertJson(401);
    }

    @Test
    void whenParametersAreMissingThenInternalServerErrorAsAuthlete() {
        SERVER.post(service.path("/auth/authorization")).bearer(service.apiSecret()).json("{}").send()
                .assertNoStore(200).assertAction("INTERNAL_SERVER_ERROR", "A004201");
    }
}
