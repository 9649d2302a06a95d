package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.HttpTarget;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@code /api} response, success or error, forbids caching: answers carry tokens, API and client secrets and
 * resource owners' passwords (the {@code PASSWORD} action).
 */
class ApiResponseHeadersTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "POST,/api/service/create,admin,200,'{\"serviceName\":\"x\"}'",
            "GET,/api/service/get/list,admin,200,",
            "GET,/api/{id}/service/get,service,200,",
            "GET,/api/{id}/client/get/{client},service,200,",
            "GET,/api/{id}/client/get/list,service,200,",
            "POST,/api/{id}/auth/token,service,200,'{\"parameters\":\"grant_type=password&username=u&password=p\"}'",
            "POST,/api/auth/token,v2,200,'{\"parameters\":\"grant_type=client_credentials\"}'",
            "GET,/api/client/get/{client},v2,200,",
            "GET,/api/service/get,v2,200,",
            "DELETE,/api/{id}/client/delete/123456,service,404,",
            "GET,/api/{id}/service/get,none,401,",
            "GET,/api/{id}/service/get,wrong,401,",
            "PUT,/api/{id}/service/get,service,405,",
            "GET,/api/no/such/path,service,404,",
            "POST,/api/{id}/auth/token,service,400,'{not json'",
            "GET,/health,none,200,",
            "GET,/no/such/path,none,404,"})
    void whenAnyResponseIsSentThenItForbidsCaching(String method, String path, String caller, int status,
            String body) {
        HttpTarget.Call call = SERVER.call(method, path.replace("{id}", Long.toString(service.id()))
                .replace("{client}", client.id()));
        switch (caller) {
            case "admin" -> call.bearer(HttpFixture.ADMIN_TOKEN);
            case "service" -> call.bearer(service.apiSecret());
            case "v2" -> call.basic(Long.toString(service.id()), service.apiSecret());
            case "wrong" -> call.bearer("wrong");
            default -> { }
        }
        if (body != null) {
            String json = body.contains("parameters") && body.contains("client_credentials")
                    ? HttpFixture.tokenRequest("grant_type=client_credentials", client, "") : body;
            call.json(json);
        }

        Reply reply = call.send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers("Cache-Control")).containsExactly("no-store");
        assertThat(reply.headers("Pragma")).containsExactly("no-cache");
    }
}
