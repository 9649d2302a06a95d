package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.facade.users.PasswordLimits;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one sender's flood leaves the others (issue #7): a service's calls beyond its share wait without threads
 * while another service is served; refusals at {@code /as} come late without holding threads; a throttled password
 * attempt writes no ticket. Every wait is bounded, generously for a loaded machine.
 */
class AbuseFairnessTest {
    private static final Duration PROMPT = Duration.ofSeconds(20);
    private static final String CRLF = "\r\n";

    private final List<Socket> sockets = new ArrayList<>();
    private HttpFixture server;

    @AfterEach
    void closeEverything() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenOneServiceHoldsItsShareThenItsOtherCallsWaitWithoutThreadsWhileAnotherServiceIsServed() throws Exception {
        start(HttpFixture.sqlite(), EdgeLimits.DEFAULTS.withRequestsInProcess(4).withMaxThreads(64)
                .withIdleTimeout(Duration.ofSeconds(60)));
        ServiceRef flooding = server.service("");
        ClientRef floodingClient = server.client(flooding, "");
        ServiceRef quiet = server.service("");
        ClientRef quietClient = server.client(quiet, "");
        ApiAuthentication.ApiSender floodingSender = new ApiAuthentication.ApiSender(flooding.id());
        String body = "{\"parameters\":\"grant_type=client_credentials\",\"clientId\":\"" + floodingClient.id()
                + "\",\"clientSecret\":\"" + floodingClient.secret() + "\"}";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);

        // the whole budget, held by calls whose bodies have not arrived (the slot is taken before the body is read)
        List<Socket> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Socket socket = open();
            holders.add(socket);
            send(socket, "POST /api/" + flooding.id() + "/auth/token HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                    + "Authorization: Bearer " + flooding.apiSecret() + CRLF + "Content-Type: application/json" + CRLF
                    + "Content-Length: " + bodyBytes.length + CRLF + CRLF);
        }
        await(() -> server.server().senders().inProcess(floodingSender) == 4, "the flooding service holds 4 slots");
        int extra = 80;
        List<CompletableFuture<Reply>> waiting = new ArrayList<>();
        for (int i = 0; i < extra; i++) {
            waiting.add(server.post("/api/" + flooding.id() + "/auth/token").bearer(flooding.apiSecret()).json(body)
                    .sendAsync());
        }
        await(() -> server.server().senders().waiting(floodingSender) == extra, "the flooding service's calls wait");

        Reply quietCall = server.post("/api/" + quiet.id() + "/auth/token").bearer(quiet.apiSecret())
                .json("{\"parameters\":\"grant_type=client_credentials\",\"clientId\":\"" + quietClient.id()
                        + "\",\"clientSecret\":\"" + quietClient.secret() + "\"}")
                .sendAsync().get(PROMPT.toSeconds(), TimeUnit.SECONDS);
        Reply health = server.get("/health").sendAsync().get(PROMPT.toSeconds(), TimeUnit.SECONDS);

        quietCall.assertAction("OK", "A052001");
        assertThat(health.status()).isEqualTo(200);
        assertThat(waiting).as("the flood waits behind itself").noneMatch(CompletableFuture::isDone);
        assertThat(server.server().busyThreads()).as("waiting calls hold no worker thread").isLessThan(extra / 2);

        for (Socket holder : holders) {
            holder.getOutputStream().write(bodyBytes);
            holder.getOutputStream().flush();
        }
        for (CompletableFuture<Reply> call : waiting) {
            call.get(PROMPT.toSeconds(), TimeUnit.SECONDS).assertAction("OK", "A052001");
        }
        await(() -> server.server().senders().senders() == 0, "every slot given back");
    }

    @Test
    void whenClientsFailToAuthenticateAtAsThenTheRefusalsComeLateWithoutHoldingThreads() throws Exception {
        Duration delay = Duration.ofSeconds(3);
        start(HttpFixture.sqlite(), EdgeLimits.DEFAULTS.withRefusalDelay(delay).withMaxThreads(64));
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        int refusals = 40;
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        long sent = System.nanoTime();
        for (int i = 0; i < refusals; i++) {
            replies.add(server.post("/as/" + service.id() + "/token").basic(client.id(), "wrong secret " + i)
                    .form("grant_type=client_credentials").sendAsync());
        }
        // once processed (milliseconds), the refusals wait for their delay: sample the busy threads meanwhile
        Thread.sleep(delay.toMillis() / 2);
        int busy = server.server().busyThreads();
        boolean answeredEarly = replies.stream().anyMatch(CompletableFuture::isDone);
        long goodStart = System.nanoTime();
        Reply good = server.asToken(service, client, "grant_type=client_credentials");
        Duration goodTook = Duration.ofNanos(System.nanoTime() - goodStart);

        assertThat(answeredEarly).as("no refusal before its delay").isFalse();
        assertThat(busy).as("delayed refusals hold no worker thread").isLessThan(refusals / 2);
        good.assertNoStore(200);
        assertThat(goodTook).as("only refusals are delayed").isLessThan(delay);
        for (CompletableFuture<Reply> reply : replies) {
            reply.get(PROMPT.toSeconds(), TimeUnit.SECONDS).assertOAuthError(401, "invalid_client");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void whenAPasswordAttemptIsThrottledThenNoTicketIsWritten() throws Exception {
        // a stopped clock keeps the backoff running; one free failure, then each attempt waits
        start(HttpFixture.sqlite(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC),
                builder -> builder.passwordLimits(
                        new PasswordLimits(0, Duration.ofSeconds(5), true, 1, Duration.ofSeconds(60), 600))),
                EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO));
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        server.user(service, "alice", "alice's password");
        for (int i = 0; i < 2; i++) {
            server.asToken(service, client, "grant_type=password&username=alice&password=guess" + i)
                    .assertOAuthError(400, "invalid_grant");
        }
        long ticketsBefore = tickets();

        Reply throttled = server.asToken(service, client, "grant_type=password&username=alice&password=guess");

        throttled.assertOAuthError(429, "invalid_grant", "A051393");
        assertThat(tickets()).as("the refused attempt wrote no ticket").isEqualTo(ticketsBefore);
    }

    @Test
    void whenAClientsPasswordAttemptFailsThenItKeepsTheClientsSlotUntilTheLateRefusalIsSent() throws Exception {
        Duration delay = Duration.ofSeconds(3);
        start(HttpFixture.sqlite(), EdgeLimits.DEFAULTS.withRequestsInProcess(1).withRefusalDelay(delay));
        ServiceRef service = server.service("");
        ClientRef app = server.client(service, ",\"clientType\":\"PUBLIC\"");
        ClientRef other = server.client(service, "");
        server.user(service, "alice", "alice's password");
        String path = "/as/" + service.id() + "/token";

        long sent = System.nanoTime();
        CompletableFuture<Reply> wrong = server.post(path)
                .form("grant_type=password&client_id=" + app.id() + "&username=alice&password=guess").sendAsync();
        await(() -> server.server().senders().senders() == 1, "the wrong attempt is in process");
        CompletableFuture<Reply> right = server.post(path).form("grant_type=password&client_id=" + app.id()
                + "&username=alice&password=alice's%20password").sendAsync();
        Reply otherClient = server.asToken(service, other, "grant_type=client_credentials");
        Duration otherTook = Duration.ofNanos(System.nanoTime() - sent);
        Reply signedIn = right.get(PROMPT.toSeconds(), TimeUnit.SECONDS);
        Duration rightTook = Duration.ofNanos(System.nanoTime() - sent);

        wrong.get(PROMPT.toSeconds(), TimeUnit.SECONDS).assertOAuthError(400, "invalid_grant");
        signedIn.assertNoStore(200);
        assertThat(rightTook).as("the client's next attempt waited for the refused one's slot")
                .isGreaterThanOrEqualTo(delay);
        otherClient.assertNoStore(200);
        assertThat(otherTook).as("another client is not held up").isLessThan(delay);
    }

    private long tickets() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + server.dataDir().resolve("grantsmith.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM tickets")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void start(HttpFixture fixture, EdgeLimits limits) throws IOException {
        server = fixture.limits(limits);
        server.beforeAll(null);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) PROMPT.toMillis());
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PROMPT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
