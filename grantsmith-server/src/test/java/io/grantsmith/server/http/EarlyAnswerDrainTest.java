package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that go out before the request body was read (a wrong API secret, a wrong content type, a body beyond
 * the limit): the client, still sending its body, must receive the whole answer, not a connection reset. A raw
 * socket sends the headers and half the body, waits, sends the rest, and only then reads: without the edge reading
 * and discarding the body first, the server closes the connection with the second half unread and the kernel resets
 * it under the answer.
 */
class EarlyAnswerDrainTest {
    private static final String CRLF = "\r\n";
    private static final long PAUSE_MILLIS = 300;

    private HttpFixture server;
    private Socket socket;

    @AfterEach
    void closeEverything() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenAnApiCallWithAWrongSecretIsStillSendingItsBodyThenItGetsThe401AndTheConnectionStaysUsable()
            throws Exception {
        start(EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO));
        ServiceRef service = server.service("");
        String body = "{\"parameters\":\"grant_type=password&username=u&password=p\",\"clientId\":\"1\"}";
        String head = "POST /api/" + service.id() + "/auth/token HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                + "Authorization: Bearer wrong-" + service.apiSecret() + CRLF
                + "Content-Type: application/json" + CRLF + "Content-Length: " + body.length() + CRLF + CRLF;

        sendInTwoParts(head, body);

        String answer = RawHttpResponses.read(socket);
        assertThat(answer).startsWith("HTTP/1.1 401 ").contains("WWW-Authenticate: Bearer")
                .contains("\"resultCode\":\"A001292\"").doesNotContainIgnoringCase("Connection: close");
        send("GET /health HTTP/1.1" + CRLF + "Host: localhost" + CRLF + CRLF);
        assertThat(RawHttpResponses.read(socket)).as("the connection is still usable").startsWith("HTTP/1.1 200 ");
    }

    @Test
    void whenATokenRequestRefusedBeforeItsBodyIsStillSendingItThenItGetsTheWholeDelayedAnswer() throws Exception {
        start(EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ofMillis(200)));
        ServiceRef service = server.service("");
        String body = "grant_type=client_credentials&client_id=nobody";
        String head = "POST /as/" + service.id() + "/token HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                + "Content-Type: text/plain" + CRLF + "Content-Length: " + body.length() + CRLF + CRLF;

        sendInTwoParts(head, body);

        assertThat(RawHttpResponses.read(socket)).startsWith("HTTP/1.1 400 ").contains("\"error\":\"invalid_request\"");
        send("GET /health HTTP/1.1" + CRLF + "Host: localhost" + CRLF + CRLF);
        assertThat(RawHttpResponses.read(socket)).as("the connection is still usable").startsWith("HTTP/1.1 200 ");
    }

    @Test
    void whenTheUnreadBodyIsLargerThanTheRouteTakesThenTheAnswerClosesTheConnection() throws Exception {
        start(EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO));
        ServiceRef service = server.service("");
        String head = "POST /as/" + service.id() + "/token HTTP/1.1" + CRLF + "Host: localhost" + CRLF
                + "Content-Type: text/plain" + CRLF + "Content-Length: " + (AuthorizationServerEndpoint.MAX_BODY_BYTES + 1)
                + CRLF + CRLF;

        send(head);

        assertThat(RawHttpResponses.read(socket)).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Connection: close");
    }

    private void start(EdgeLimits limits) throws Exception {
        server = HttpFixture.sqlite().limits(limits);
        server.beforeAll(null);
        socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(20_000);
    }

    /** The head and the first half of the body, a pause in which the server answers, then the rest. */
    private void sendInTwoParts(String head, String body) throws Exception {
        send(head + body.substring(0, body.length() / 2));
        Thread.sleep(PAUSE_MILLIS);
        send(body.substring(body.length() / 2));
        Thread.sleep(PAUSE_MILLIS); // any reset has arrived before the answer is read
    }

    private void send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

}
