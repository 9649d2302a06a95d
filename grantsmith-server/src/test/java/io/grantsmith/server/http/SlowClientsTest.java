package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and idle clients on loopback: bodies and headers sent a byte at a time, bodies that stop, and more
 * connections than allowed. Each test starts a server with small limits of its own; every wait is bounded, and the
 * bounds are many times what a loaded machine needs, so that only a server that is really tied up fails them.
 */
class SlowClientsTest {
    /** How long a prompt answer may take on a loaded CI machine; the starved server never answers at all. */
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
    void whenHundredsOfClientsTrickleTheirBodiesThenHealthAndTokenRequestsStillAnswerPromptly() throws Exception {
        // Fewer worker threads than trickling clients, and no rate limit: only reading bodies without holding a
        // thread keeps the server answering while the tricklers stay connected.
        start(EdgeLimits.DEFAULTS.withMaxThreads(64).withMinRequestDataRate(0).withIdleTimeout(Duration.ofSeconds(60)));
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        int tricklers = 300;
        for (int i = 0; i < tricklers; i++) {
            Socket socket = open();
            send(socket, tokenRequestHead(service, 1000) + "g");
        }
        await(() -> server.server().openConnections() >= tricklers, "every trickler connected");
        Thread trickle = trickleAll(150);
        try {
            Reply health = server.get("/health").sendAsync().get(PROMPT.toSeconds(), TimeUnit.SECONDS);
            Reply token = server.post("/as/" + service.id() + "/token").basic(client.id(), client.secret())
                    .form("grant_type=client_credentials").sendAsync().get(PROMPT.toSeconds(), TimeUnit.SECONDS);

            assertThat(health.status()).isEqualTo(200);
            token.assertNoStore(200);
            assertThat(token.text("access_token")).isNotBlank();
            assertThat(server.server().openConnections()).as("the tricklers are still connected")
                    .isGreaterThanOrEqualTo(tricklers);
        } finally {
            trickle.interrupt();
            trickle.join();
        }
    }

    @Test
    void whenABodyArrivesInPiecesThenTheRequestIsAnsweredAsIfItHadComeAtOnce() throws Exception {
        start(EdgeLimits.DEFAULTS);
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        String body = "grant_type=client_credentials&scope=write";
        Socket socket = open();

        send(socket, tokenRequestHead(service, client, body.length()) + body.substring(0, 7));
        Thread.sleep(300);
        send(socket, body.substring(7, 20));
        Thread.sleep(300);
        send(socket, body.substring(20));

        String response = RawHttpResponses.read(socket);
        assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"access_token\"").contains("\"scope\":\"write\"")
                .contains("Cache-Control: no-store");
    }

    @Test
    void whenAChunkedBodyArrivesInPiecesThenItIsReadToTheEnd() throws Exception {
        start(EdgeLimits.DEFAULTS);
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        Socket socket = open();
        String head = tokenRequestHead(service, client, 0).replace("Content-Length: 0", "Transfer-Encoding: chunked");

        send(socket, head + "b" + CRLF + "grant_type=" + CRLF);
        Thread.sleep(300);
        send(socket, "12" + CRLF + "client_credentials" + CRLF + "0" + CRLF + CRLF);

        assertThat(RawHttpResponses.read(socket)).startsWith("HTTP/1.1 200 ").contains("\"access_token\"");
    }

    @Test
    void whenAnOversizedBodyArrivesInPiecesThenItIsAnswered413AfterItIsDrained() throws Exception {
        start(EdgeLimits.DEFAULTS);
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        int size = AuthorizationServerEndpoint.MAX_BODY_BYTES + 1000;
        Socket socket = open();

        send(socket, tokenRequestHead(service, client, size) + "a".repeat(size / 2));
        Thread.sleep(300);
        send(socket, "a".repeat(size - size / 2));

        String response = RawHttpResponses.read(socket);
        assertThat(response).startsWith("HTTP/1.1 413 ").contains("A191204").doesNotContain("Connection: close");
        send(socket, "GET /health HTTP/1.1" + CRLF + "Host: localhost" + CRLF + CRLF);
        assertThat(RawHttpResponses.read(socket)).as("the connection is still usable").startsWith("HTTP/1.1 200 ");
    }

    @Test
    void whenABodyTricklesBelowTheMinimumDataRateThenItIsAnswered408AndTheConnectionCloses() throws Exception {
        start(EdgeLimits.DEFAULTS.withMinRequestDataRate(1024).withIdleTimeout(Duration.ofSeconds(60)));
        ServiceRef service = server.service("");
        Socket socket = open();
        send(socket, tokenRequestHead(service, 400));
        Thread trickle = trickle(socket, 100);
        try {
            String response = readUntilClosed(socket);

            assertThat(response).startsWith("HTTP/1.1 408 ").contains("Connection: close")
                    .contains("\"error\":\"invalid_request\"").contains("A191208");
        } finally {
            trickle.interrupt();
            trickle.join();
        }
    }

    @Test
    void whenABodyStopsArrivingThenTheConnectionIsClosedLongBeforeTheIdleTimeout() throws Exception {
        start(EdgeLimits.DEFAULTS.withMinRequestDataRate(1024).withIdleTimeout(Duration.ofSeconds(60)));
        ServiceRef service = server.service("");
        Socket socket = open();
        send(socket, tokenRequestHead(service, 400) + "grant_type=");

        readUntilClosed(socket);

        assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void whenHeadersTrickleLongerThanTheHeaderTimeoutThenTheConnectionIsClosed() throws Exception {
        start(EdgeLimits.DEFAULTS.withHeaderTimeout(Duration.ofSeconds(1)).withIdleTimeout(Duration.ofSeconds(60)));
        Socket socket = open();
        send(socket, "GET /health HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "X-Slow: ");
        Thread trickle = trickle(socket, 100);
        try {
            String response = readUntilClosed(socket);

            assertThat(response).as("no request was answered").isEmpty();
        } finally {
            trickle.interrupt();
            trickle.join();
        }
    }

    @Test
    void whenHeadersArriveInTimeThenIdleKeepAliveConnectionsOutliveTheHeaderTimeout() throws Exception {
        start(EdgeLimits.DEFAULTS.withHeaderTimeout(Duration.ofSeconds(1)).withIdleTimeout(Duration.ofSeconds(60)));
        Socket socket = open();
        String health = "GET /health HTTP/1.1" + CRLF + "Host: localhost" + CRLF + CRLF;
        send(socket, health);
        assertThat(RawHttpResponses.read(socket)).startsWith("HTTP/1.1 200 ");
        int open = server.server().openConnections();

        // idle, between requests, for longer than the header timeout: a sweep must not take that for slow headers
        Thread.sleep(2500);
        send(socket, health);

        assertThat(RawHttpResponses.read(socket)).startsWith("HTTP/1.1 200 ");
        assertThat(server.server().openConnections()).isEqualTo(open);
    }

    @Test
    void whenConnectionsReachTheLimitThenTheNextOneWaitsUntilOneCloses() throws Exception {
        start(EdgeLimits.DEFAULTS.withMaxConnections(8).withIdleTimeout(Duration.ofSeconds(60)));
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            idle.add(open());
        }
        await(() -> server.server().openConnections() == 8, "eight connections accepted");
        Socket waiting = open();
        send(waiting, "GET /health HTTP/1.1" + CRLF + "Host: localhost" + CRLF + CRLF);
        waiting.setSoTimeout(1000);
        assertThat(waiting.getInputStream().available()).isZero();
        assertThat(readsNothingWithin(waiting)).as("no answer while at the limit").isTrue();

        idle.get(0).close();
        waiting.setSoTimeout((int) PROMPT.toMillis());

        assertThat(RawHttpResponses.read(waiting)).startsWith("HTTP/1.1 200 ");
    }

    // ---- helpers

    private void start(EdgeLimits limits) throws Exception {
        server = HttpFixture.sqlite().limits(limits);
        server.beforeAll(null);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) PROMPT.toMillis() + 5000);
        sockets.add(socket);
        return socket;
    }

    private static String tokenRequestHead(ServiceRef service, int contentLength) {
        return tokenRequestHead(service, new ClientRef("1", "x"), contentLength);
    }

    private static String tokenRequestHead(ServiceRef service, ClientRef client, int contentLength) {
        String credentials = Base64.getEncoder().encodeToString((client.id() + ":" + client.secret())
                .getBytes(StandardCharsets.US_ASCII));
        return "POST /as/" + service.id() + "/token HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                + "Authorization: Basic " + credentials + CRLF
                + "Content-Type: application/x-www-form-urlencoded" + CRLF
                + "Content-Length: " + contentLength + CRLF + CRLF;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A thread that sends one byte to each open socket every {@code periodMillis}, until interrupted. */
    private Thread trickleAll(long periodMillis) {
        List<Socket> all = List.copyOf(sockets);
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (Socket socket : all) {
                        try {
                            socket.getOutputStream().write('a');
                        } catch (IOException e) {
                            // closed by the server: nothing more to send on it
                        }
                    }
                    Thread.sleep(periodMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trickler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Thread trickle(Socket socket, long periodMillis) {
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    socket.getOutputStream().write('a');
                    Thread.sleep(periodMillis);
                }
            } catch (IOException | InterruptedException e) {
                // closed by the server, or told to stop
            }
        }, "trickler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Everything the server sends until it closes the connection; fails when it does not close in time. */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; it sent: "
                    + received.toString(StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            // reset by the server: closed as well
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** True when nothing arrives before the socket's read timeout. */
    private static boolean readsNothingWithin(Socket socket) throws IOException {
        try {
            socket.getInputStream().read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PROMPT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
