package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server (SIGTERM in a rolling restart) stops taking connections but lets the requests in flight finish:
 * a token whose commit is pending when the stop begins is still answered with its 200, not cut off with the
 * connection; the stop returns once it is answered.
 */
class GracefulStopTest {
    private static final long PROMPT_SECONDS = 20;
    /** HttpServer's stop timeout. */
    private static final long STOP_TIMEOUT_SECONDS = 5;
    /** Well below the stop timeout, well above a commit and an answer on a loaded machine. */
    private static final long ANSWERED_STOP_SECONDS = 2;

    private final HeldTokenWrites writes = new HeldTokenWrites();
    private HttpFixture server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenTheServerStopsWithATokenCommitPendingThenThatRequestIsStillAnsweredAndNoNewConnectionIsTaken()
            throws Exception {
        server = HttpFixture.over(writes.stores()).limits(EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO));
        server.beforeAll(null);
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        CompletableFuture<Reply> inFlight = server.post("/as/" + service.id() + "/token")
                .basic(client.id(), client.secret()).form("grant_type=client_credentials").sendAsync();
        await(() -> writes.pending() == 1, "the token's commit is held");
        int port = server.port();

        long stopBegan = System.nanoTime();
        CompletableFuture<Long> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                server.server().close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime();
        });
        await(() -> !accepts(port), "the stopping server takes no new connection");
        // at once, before anything else: Jetty's stop gives up on the request after 5 s from the stop's beginning
        boolean stopWaited = !stopped.isDone();
        long portClosedAfter = System.nanoTime() - stopBegan;
        assertThat(portClosedAfter).as("the port closed well within the stop's 5 s timeout")
                .isLessThan(TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS - 1));
        assertThat(stopWaited).as("the stop waits for the request in flight").isTrue();
        assertThat(inFlight).isNotDone();

        long committed = System.nanoTime();
        writes.commitOne();

        Reply reply = inFlight.get(PROMPT_SECONDS, TimeUnit.SECONDS);
        assertThat(reply.assertNoStore(200).text("access_token")).isNotBlank();
        long stopReturned = stopped.get(PROMPT_SECONDS, TimeUnit.SECONDS);
        assertThat(stopReturned - committed).as("the stop returns once the request is answered, not at its timeout")
                .isLessThan(TimeUnit.SECONDS.toNanos(ANSWERED_STOP_SECONDS));
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROMPT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
