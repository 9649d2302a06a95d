package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.server.metrics.ServerMetrics;
import io.grantsmith.store.memory.MemoryStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * The server's whole HTTP edge (routing, endpoints, error handler) over memory stores, reached through Jetty's
 * in-memory connector: a request costs no socket, so a fuzzer can send tens of thousands a minute. One service
 * with one confidential client and one user stands ready; fuzz inputs name them through placeholders
 * ({@link #substitute}) so that an input means the same thing in every run.
 */
final class InMemoryEdge implements AutoCloseable {
    static final String ADMIN_TOKEN = "fuzz-admin-token-0123456789abcdefghijklmnop";
    static final String USERNAME = "alice";
    static final String PASSWORD = "correct horse";

    private final Grantsmith grantsmith = Grantsmith.builder().stores(new MemoryStores()).adminToken(ADMIN_TOKEN)
            .build();
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);
    private final long serviceId;
    private final String apiSecret;
    private final String clientId;
    private final String clientSecret;

    InMemoryEdge() throws Exception {
        ObjectNode service = grantsmith.services().create(json("{\"serviceName\":\"fuzz\",\"supportedScopes\":["
                + "{\"name\":\"read\",\"defaultEntry\":true},{\"name\":\"write\"}]}"));
        serviceId = service.get("apiKey").asLong();
        apiSecret = service.get("apiSecret").asText();
        ObjectNode client = grantsmith.clients().create(serviceId, json("{\"clientName\":\"fuzz\","
                + "\"grantTypes\":[\"CLIENT_CREDENTIALS\",\"PASSWORD\",\"REFRESH_TOKEN\"]}"));
        clientId = client.get("clientId").asText();
        clientSecret = client.get("clientSecret").asText();
        grantsmith.users().add(serviceId, USERNAME, PASSWORD, null, false);

        server.addConnector(connector);
        ServerMetrics metrics = new ServerMetrics(grantsmith.storeStatistics());
        // refusals answered at once: the fuzzers send thousands of bad requests, and the delay is not what they test
        EdgeLimits limits = EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO);
        server.setHandler(new EdgeHandler(HttpServer.routes(grantsmith, metrics, null,
                new SenderGate(limits.effectiveRequestsInProcess()), limits.refusalDelay()), metrics, limits));
        server.setErrorHandler(new HttpServer.JsonErrorHandler());
        server.start();
    }

    Grantsmith grantsmith() {
        return grantsmith;
    }

    long serviceId() {
        return serviceId;
    }

    /**
     * {@code text} with its placeholders filled in: {@code {service}} (the service ID), {@code {api_secret}},
     * {@code {admin}} (the admin token), {@code {client_id}}, {@code {client_secret}}, {@code {basic_api}} and
     * {@code {basic_client}} (Base64 of ID:secret for HTTP Basic), and {@code {ticket}} (a fresh ticket of a
     * password grant of the client, minted only when asked for). Works on any bytes read as ISO-8859-1.
     */
    String substitute(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        String filled = text.replace("{service}", Long.toString(serviceId))
                .replace("{api_secret}", apiSecret)
                .replace("{admin}", ADMIN_TOKEN)
                .replace("{client_id}", clientId)
                .replace("{client_secret}", clientSecret)
                .replace("{basic_api}", basic(serviceId + ":" + apiSecret))
                .replace("{basic_client}", basic(clientId + ":" + clientSecret));
        return filled.contains("{ticket}") ? filled.replace("{ticket}", ticket()) : filled;
    }

    /**
     * Sends one request and returns the complete response. {@code head} is the request line and header lines
     * (CRLF-terminated each, ISO-8859-1); {@code Content-Length} is added for {@code body}.
     */
    HttpTester.Response send(String head, byte[] body) throws Exception {
        byte[] start = (head + "Host: fuzz\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip();
        ByteBuffer response = connector.getResponse(request, 10, TimeUnit.SECONDS);
        return response == null ? null : HttpTester.parseResponse(response);
    }

    private String ticket() {
        return grantsmith.tokens().token(serviceId, new TokenRequest()
                .setParameters("grant_type=password&username=" + USERNAME + "&password=x")
                .setClientId(clientId).setClientSecret(clientSecret)).getTicket();
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer's JSON object, after checking what every answer of the edge must be: there (no hang), below 500,
     * {@code application/json}. A 401 names the scheme it wants.
     */
    static JsonNode answered(HttpTester.Response response, String request) {
        assertThat(response).as("no answer within 10 s to %s", request).isNotNull();
        String body = response.getContent();
        assertThat(response.getStatus()).as("%s answered %s", request, body).isLessThan(500);
        assertThat(response.get("Content-Type")).as("Content-Type of %s", body).startsWith("application/json");
        if (response.getStatus() == 401) {
            assertThat(response.get("WWW-Authenticate")).as("challenge of %s", body).isNotBlank();
        }
        JsonNode json = parse(body);
        assertThat(json.isObject()).as("a JSON object: %s", body).isTrue();
        return json;
    }

    /** An Authlete-style result code, as every API answer other than a management document carries. */
    static void assertResultCode(JsonNode json) {
        assertThat(json.path("resultCode").asText()).as("resultCode of %s", json).matches("A\\d{6}");
        assertThat(json.path("resultMessage").asText()).as("resultMessage of %s", json)
                .startsWith("[" + json.path("resultCode").asText() + "]");
    }

    static JsonNode parse(String text) {
        try {
            return WireJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) parse(text);
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            grantsmith.close();
        }
    }
}
