package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.HttpTarget;
import io.grantsmith.server.Reply;
import io.grantsmith.server.logging.LogFormat;
import io.grantsmith.server.logging.LogOutput;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --log-format json}: logback's STDERR appender (from {@code LogConfiguration}) writes one JSON object per
 * line, every line written while a request is handled carries that request's ID, and no secret reaches the log:
 * client secrets, passwords (right, wrong and new), tokens, API secrets, the admin token, Authorization headers.
 */
class JsonLogsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS_LOGGER = "io.grantsmith.server.http.access";

    private final List<String> secrets = new ArrayList<>();

    @Test
    void whenTokensAreRequestedWithSecretsThenEachLineIsJsonWithTheRequestIdAndNoSecret() throws Exception {
        ServiceRef service = SERVER.service("");
        ClientRef client = SERVER.client(service, "");
        String password = "pw" + UUID.randomUUID().toString().replace("-", "");
        SERVER.user(service, "alice", password);
        secrets.addAll(List.of(service.apiSecret(), client.secret(), password, HttpFixture.ADMIN_TOKEN,
                basicCredentials(client.id(), client.secret()), basicCredentials(Long.toString(service.id()),
                        service.apiSecret())));

        String log = capturedJsonLog(() -> {
            Reply clientCredentials = SERVER.post("/as/" + service.id() + "/token").basic(client.id(), client.secret())
                    .header("X-Request-Id", "ops-test-1").form("grant_type=client_credentials").send();
            assertThat(clientCredentials.status()).isEqualTo(200);
            assertThat(clientCredentials.header("X-Request-Id")).isEqualTo("ops-test-1");
            secrets.add(clientCredentials.text("access_token"));

            Reply passwordGrant = SERVER.asToken(service, client, "grant_type=password&username=alice&password="
                    + password);
            assertThat(passwordGrant.status()).isEqualTo(200);
            secrets.add(passwordGrant.text("access_token"));
            secrets.add(passwordGrant.text("refresh_token"));

            Reply refreshed = SERVER.asToken(service, client, "grant_type=refresh_token&refresh_token="
                    + passwordGrant.text("refresh_token"));
            assertThat(refreshed.status()).isEqualTo(200);
            secrets.add(refreshed.text("access_token"));
            secrets.add(refreshed.text("refresh_token"));

            String wrongPassword = "wrong/" + UUID.randomUUID().toString().replace("-", "");
            secrets.add(wrongPassword);
            assertThat(SERVER.asToken(service, client, "grant_type=password&username=alice&password="
                    + wrongPassword).status()).isEqualTo(400);

            Reply api = SERVER.apiToken(service, client, "grant_type=client_credentials");
            secrets.add(api.text("accessToken"));
            String wrongSecret = "wrong-api-secret-" + UUID.randomUUID();
            secrets.add(wrongSecret);
            assertThat(SERVER.post(service.path("/auth/token")).bearer(wrongSecret).json("{}").send().status())
                    .isEqualTo(401);

            String newPassword = "new" + UUID.randomUUID().toString().replace("-", "");
            secrets.add(newPassword);
            assertThat(SERVER.post(service.path("/user/create")).bearer(HttpFixture.ADMIN_TOKEN)
                    .header("X-Request-Id", "ops-test-last")
                    .json("{\"username\":\"bob\",\"password\":\"" + newPassword + "\"}").send().status())
                    .isEqualTo(200);
        }, "\"requestId\":\"ops-test-last\"");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank()) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.isObject()).as(line).isTrue();
                assertThat(event.has("level") && event.has("formattedMessage") && event.has("timestamp")).as(line)
                        .isTrue();
                lines.add(event);
            }
        }
        assertThat(lines).as("an access line per request at DEBUG").hasSizeGreaterThanOrEqualTo(7);
        assertThat(lines).anySatisfy(event -> {
            assertThat(event.path("loggerName").asText()).isEqualTo(ACCESS_LOGGER);
            assertThat(event.path("mdc").path("requestId").asText()).isEqualTo("ops-test-1");
            assertThat(event.path("formattedMessage").asText()).startsWith("POST /as/{serviceId}/token 200 ");
        });
        assertThat(lines).filteredOn(event -> event.path("loggerName").asText().equals(ACCESS_LOGGER))
                .allSatisfy(event -> assertThat(event.path("mdc").path("requestId").asText()).isNotEmpty());
        assertThat(lines).anySatisfy(event -> assertThat(event.path("mdc").path("requestId").asText())
                .isEqualTo("ops-test-last"));
        assertThat(secrets).doesNotContainNull();
        assertThat(secrets).as("a secret with '/', which the JSON encoder writes as '\\/'")
                .anySatisfy(secret -> assertThat(secret).contains("/"));
        List<String> decoded = decodedTexts(lines);
        for (String secret : secrets) {
            assertThat(log).as("the log leaks a secret").doesNotContain(secret);
            assertThat(decoded).as("the log leaks a secret (JSON-decoded)")
                    .noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }

    /** A request whose body comes late is run again when it arrives, maybe on another thread: its ID goes along. */
    @Test
    void whenTheBodyArrivesLateTheResumedRequestStillLogsItsId() throws Exception {
        ServiceRef service = SERVER.service("");
        ClientRef client = SERVER.client(service, "");
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
        String[] status = new String[1];

        String log = capturedJsonLog(() -> {
            try (Socket socket = new Socket("127.0.0.1", SERVER.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /as/" + service.id() + "/token HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
                        + "Authorization: " + HttpTarget.basicHeader(client.id(), client.secret()) + "\r\n"
                        + "X-Request-Id: late-body-7\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                out.write(body);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                status[0] = response.substring(0, response.indexOf("\r\n"));
                assertThat(response).contains("X-Request-Id: late-body-7");
            }
        }, "\"requestId\":\"late-body-7\"");

        assertThat(status[0]).isEqualTo("HTTP/1.1 200 OK");
        List<JsonNode> access = new ArrayList<>();
        for (String line : log.split("\n")) {
            JsonNode event = line.isBlank() ? null : JSON.readTree(line);
            if (event != null && event.path("loggerName").asText().equals(ACCESS_LOGGER)) {
                access.add(event);
            }
        }
        assertThat(access).singleElement().satisfies(event -> {
            assertThat(event.path("mdc").path("requestId").asText()).isEqualTo("late-body-7");
            assertThat(event.path("formattedMessage").asText()).startsWith("POST /as/{serviceId}/token 200 ");
        });
    }

    /** The decoder sees what the raw line hides: the JSON encoder escapes '/' as '\/'. */
    @Test
    void decodedTextsUnescapeWhatTheRawLineEscapes() throws Exception {
        JsonNode event = JSON.readTree("{\"formattedMessage\":\"a\\/b\",\"mdc\":{\"k\":\"c\\/d\"},"
                + "\"throwable\":{\"message\":\"e\\/f\",\"cause\":{\"message\":\"g\\/h\"}}}");

        assertThat(decodedTexts(List.of(event))).contains("a/b", "c/d", "e/f", "g/h");
    }

    @Test
    void theTextFormatLeavesLogbackXmlsEncoder() {
        assertThat(LogOutput.use(LogFormat.TEXT)).isNull();
        assertThat(LogFormat.parse(" Json ")).isEqualTo(LogFormat.JSON);
    }

    /**
     * Runs {@code requests} with the log switched to JSON and Grantsmith's own loggers at DEBUG (as
     * {@code GRANTSMITH_LOG_LEVEL=DEBUG} sets them; the test's HTTP client logs at INFO), and returns what was
     * written to stderr.
     */
    private static String capturedJsonLog(ThrowingRunnable requests) throws Exception {
        return capturedJsonLog(requests, "");
    }

    /**
     * As {@link #capturedJsonLog(ThrowingRunnable)}, waiting up to 5 s for {@code awaited} to be logged: a request's
     * access line is written after its response, which the client may have read before.
     */
    private static String capturedJsonLog(ThrowingRunnable requests, String awaited) throws Exception {
        Logger grantsmith = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.grantsmith");
        Level level = grantsmith.getLevel();
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        grantsmith.setLevel(Level.DEBUG);
        Encoder<ILoggingEvent> text = LogOutput.use(LogFormat.JSON);
        try {
            assertThat(text).as("LogConfiguration's STDERR appender, switched to JSON").isNotNull();
            requests.run();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!captured.toString(StandardCharsets.UTF_8).contains(awaited) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            LogOutput.restore(text);
            grantsmith.setLevel(level);
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * Every string value of the events, decoded from JSON: message, arguments, MDC, the throwable's messages and
     * frames. A secret is looked for here too, since the raw line escapes some characters ('/' as '\/').
     */
    private static List<String> decodedTexts(List<JsonNode> events) {
        List<String> texts = new ArrayList<>();
        for (JsonNode event : events) {
            collectStrings(event, texts);
        }
        return texts;
    }

    private static void collectStrings(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> collectStrings(child, texts));
        }
    }

    private static String basicCredentials(String user, String secret) {
        return HttpTarget.basicHeader(user, secret).substring("Basic ".length());
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
