package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.server.metrics.ServerMetrics;
import io.grantsmith.store.memory.MemoryStores;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiRoutes} pairs each path with its own authentication: the v3 path takes a Bearer token for the service it
 * names, the v2 path the service's API key and secret with HTTP Basic; the handler sees the service that passed.
 */
class ApiRoutesTest {
    private static final String ADMIN_TOKEN = "api-routes-admin-token-0123456789abcdefghij";

    private final Grantsmith grantsmith = Grantsmith.builder().stores(new MemoryStores()).adminToken(ADMIN_TOKEN)
            .build();
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);
    private long serviceId;
    private String apiSecret;

    @BeforeEach
    void start() throws Exception {
        ObjectNode service = grantsmith.services().create((ObjectNode) InMemoryEdge.parse("{\"serviceName\":\"r\"}"));
        serviceId = service.get("apiKey").asLong();
        apiSecret = service.get("apiSecret").asText();

        Router router = new Router();
        new ApiRoutes(router, new ApiAuthentication(grantsmith.access(), new SenderGate(SenderGate.automaticBudget())))
                .add("GET", "/probe/{item}", "/probe", (exchange, id) -> exchange.sendJson(200,
                        ("{\"service\":" + id + ",\"item\":\"" + exchange.pathParameter("item") + "\"}")
                                .getBytes(StandardCharsets.UTF_8)));
        server.addConnector(connector);
        ServerMetrics metrics = new ServerMetrics(grantsmith.storeStatistics());
        server.setHandler(new EdgeHandler(router, metrics, EdgeLimits.DEFAULTS));
        server.setErrorHandler(new HttpServer.JsonErrorHandler());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            server.stop();
        } finally {
            grantsmith.close();
        }
    }

    @Test
    void whenV3PathIsCalledWithTheServiceSecretThenTheHandlerSeesThatService() throws Exception {
        HttpTester.Response response = get("/api/" + serviceId + "/probe/x", "Bearer " + apiSecret);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEqualTo("{\"service\":" + serviceId + ",\"item\":\"x\"}");
    }

    @Test
    void whenV2PathIsCalledWithKeyAndSecretThenTheHandlerSeesTheService() throws Exception {
        HttpTester.Response response = get("/api/probe/y", basic(serviceId + ":" + apiSecret));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEqualTo("{\"service\":" + serviceId + ",\"item\":\"y\"}");
    }

    @Test
    void whenV2PathIsCalledWithABearerTokenThenItIsRefusedWithABasicChallenge() throws Exception {
        HttpTester.Response response = get("/api/probe/y", "Bearer " + apiSecret);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void whenV3PathNamesAnotherServiceThenTheSecretDoesNotOpenIt() throws Exception {
        HttpTester.Response response = get("/api/" + (serviceId + 1) + "/probe/x", "Bearer " + apiSecret);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContent()).doesNotContain("\"item\"");
    }

    @Test
    void bothPathsCarryTheApiName() {
        Router router = new Router();
        new ApiRoutes(router, new ApiAuthentication(grantsmith.access(), new SenderGate(SenderGate.automaticBudget()))).post("/auth/token", (exchange, id) -> { });

        assertThat(router.find("POST", "/api/7/auth/token").route().apiName()).isEqualTo("/auth/token");
        assertThat(router.find("POST", "/api/auth/token").route().apiName()).isEqualTo("/auth/token");
        assertThat(router.find("GET", "/api/auth/token").allowedMethods()).containsExactly("POST");
    }

    private HttpTester.Response get(String path, String authorization) throws Exception {
        String request = "GET " + path + " HTTP/1.1\r\nHost: t\r\nAuthorization: " + authorization
                + "\r\nConnection: close\r\n\r\n";
        return HttpTester.parseResponse(connector.getResponse(request));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
