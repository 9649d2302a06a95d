package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.async.BatchCompleter;
import io.grantsmith.server.metrics.ServerMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A response left to a stage ({@link Exchange#respondWhen}) whose finishing fails beyond the edge's own handling (here
 * a responder's failure that cannot even be described: its message throws) is not lost: the request is answered or
 * closed, not left to the idle timeout, and its sender's slot comes back, on whichever thread it runs. The responder
 * runs right on a store writer's completion thread ({@link BatchCompleter}) when that completes the stage, and on
 * Jetty's pool when any other thread does (a writer's own, a timer).
 */
class ExchangeStageFailureTest {
    private final Server server = new Server();
    private final SenderGate gate = new SenderGate(4);
    private final CompletableFuture<String> commit = new CompletableFuture<>();
    private final BatchCompleter completions = new BatchCompleter("test-completions");
    /** What completes {@link #commit}: by default a plain thread of its own. */
    private Consumer<Runnable> completer = completion -> {
        Thread thread = new Thread(completion, "test-committer");
        completerThread = thread;
        thread.start();
    };
    private volatile Thread responderThread;

    @AfterEach
    void stop() throws Exception {
        server.stop();
        completions.close();
    }

    @Test
    void whenFinishingAStagedResponseThrowsThenTheRequestIsAnsweredAndItsSlotComesBack() throws Exception {
        LocalConnector connector = start(value -> {
            throw new UndescribableFailure();
        });

        ByteBuffer raw = connector.getResponse(ByteBuffer.wrap(request()), 20, TimeUnit.SECONDS);

        assertThat(raw).as("an answer, not a hang until the idle timeout").isNotNull();
        HttpTester.Response response = HttpTester.parseResponse(raw);
        assertThat(response.getStatus()).isEqualTo(500);
        awaitNoSender();
    }

    @Test
    void whenTheStageCompletesThenTheResponseIsSentFromJettysPoolNotTheCompletingThread() throws Exception {
        LocalConnector connector = start(value -> { });

        ByteBuffer raw = connector.getResponse(ByteBuffer.wrap(request()), 20, TimeUnit.SECONDS);

        assertThat(raw).isNotNull();
        assertThat(HttpTester.parseResponse(raw).getContent()).isEqualTo("committed");
        assertThat(responderThread).isNotNull().isNotEqualTo(completerThread);
        awaitNoSender();
    }

    @Test
    void whenACompletionThreadCompletesTheStageThenTheResponseIsSentRightThere() throws Exception {
        completer = this::completeOnTheCompletionThreadOnceAwaited;
        LocalConnector connector = start(value -> { });

        ByteBuffer raw = connector.getResponse(ByteBuffer.wrap(request()), 20, TimeUnit.SECONDS);

        assertThat(raw).isNotNull();
        assertThat(HttpTester.parseResponse(raw).getContent()).isEqualTo("committed");
        assertThat(responderThread.getName()).isEqualTo("test-completions");
        awaitNoSender();
    }

    @Test
    void whenFinishingThrowsOnTheCompletionThreadThenOnlyThatRequestFailsAndTheThreadGoesOn() throws Exception {
        completer = this::completeOnTheCompletionThreadOnceAwaited;
        LocalConnector connector = start(value -> {
            throw new UndescribableFailure();
        });

        ByteBuffer raw = connector.getResponse(ByteBuffer.wrap(request()), 20, TimeUnit.SECONDS);

        assertThat(raw).as("an answer, not a hang until the idle timeout").isNotNull();
        assertThat(HttpTester.parseResponse(raw).getStatus()).isEqualTo(500);
        assertThat(responderThread.getName()).isEqualTo("test-completions");
        awaitNoSender();
        CompletableFuture<String> next = new CompletableFuture<>();
        completions.handOff(List.of(() -> next.complete("still completing")));
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("still completing");
    }

    private volatile Thread completerThread;

    /**
     * Completes the stage on the completion thread, but only once the edge waits on it: a stage that is already
     * complete when the endpoint returns is answered at once on Jetty's thread (by design), which a fast completion
     * thread on a loaded machine would otherwise make happen, and this test is about the other case.
     */
    private void completeOnTheCompletionThreadOnceAwaited(Runnable completion) {
        completions.handOff(List.of(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commit.getNumberOfDependents() == 0 && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
                Thread.yield();
            }
            completion.run();
        }));
    }

    /** The route takes a slot and leaves its answer to {@link #commit}, which another thread completes. */
    private LocalConnector start(Exchange.Responder<String> after) throws Exception {
        Router router = new Router();
        router.add(new Route("POST", "/staged", "/staged", exchange -> {
            exchange.awaitTurn(gate, "sender");
            exchange.respondWhen(commit, value -> {
                responderThread = Thread.currentThread();
                after.respond(value);
                exchange.sendJson(200, value.getBytes(StandardCharsets.US_ASCII));
            });
            completer.accept(() -> commit.complete("committed"));
        }));
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new EdgeHandler(router, new ServerMetrics(List.of()), EdgeLimits.DEFAULTS));
        server.start();
        return connector;
    }

    private static byte[] request() {
        return "POST /staged HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void awaitNoSender() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gate.senders() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // the slot is given back just after the response went out, on the server's thread
        }
        assertThat(gate.senders()).as("the sender's slot is given back").isZero();
    }

    /** A failure whose description throws: the edge's own failure handling (logging it) fails in turn. */
    private static final class UndescribableFailure extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no description");
        }
    }
}
