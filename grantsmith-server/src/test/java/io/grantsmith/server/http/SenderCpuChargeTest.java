package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.metrics.ServerMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edge charges each request's sender the CPU time the request's runs used ({@link SenderGate.CpuPacing}): exactly
 * while pacing can hold a sender back, and a weighed sample of the runs otherwise ({@link SenderGate#cpuWeight}).
 */
class SenderCpuChargeTest {
    private final Server server = new Server();
    private volatile long now;
    /** Where the clock jumps once the burner has its turn (0: it stands still), so that its charge closes a window. */
    private volatile long nowAfterTurn;
    private LocalConnector connector;

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private SenderGate gate() {
        return new SenderGate(4, 16, new SenderGate.CpuPacing(Duration.ofMillis(20), 0.9, () -> 1.0, () -> now,
                (delay, task) -> { }));
    }

    /** Serves {@code POST /burn}: takes the burner's turn, then burns {@code spin} of this thread's CPU. */
    private void start(SenderGate gate, Duration spin) throws Exception {
        long spinNanos = spin.toNanos();
        Router router = new Router();
        router.add(new Route("POST", "/burn", "/burn", exchange -> {
            exchange.awaitTurn(gate, "burner");
            if (nowAfterTurn > 0) {
                now = nowAfterTurn;
            }
            long start = ThreadCpu.now();
            long sink = 0;
            while (ThreadCpu.now() - start < spinNanos) { // this thread's CPU, not wall time: no timing flakiness
                sink += System.identityHashCode(exchange) ^ sink;
            }
            exchange.sendJson(200, Long.toString(sink).getBytes(StandardCharsets.US_ASCII));
        }));
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new EdgeHandler(router, new ServerMetrics(List.of()), EdgeLimits.DEFAULTS, gate));
        server.start();
    }

    private void burn(SenderGate gate) throws Exception {
        HttpTester.Response response = HttpTester.parseResponse(connector.getResponse(
                "POST /burn HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        assertThat(response.getStatus()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gate.inProcess("burner") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1); // the slot is given back just after the response went out, on the server's thread
        }
        assertThat(gate.inProcess("burner")).isZero();
    }

    @Test
    void whenPacingCanHoldTheSenderBackThenItIsChargedAtLeastTheCpuItsRequestBurnt() throws Exception {
        SenderGate gate = gate();
        gate.enter("other", () -> { }); // busy all along: the burner is not alone
        now = Duration.ofMillis(100).toNanos();
        gate.enter("closer", () -> { });
        gate.leave("closer", 0); // closes a first window at load 1.0: saturated
        assertThat(gate.cpuWeight()).isEqualTo(1);
        start(gate, Duration.ofMillis(5));
        nowAfterTurn = Duration.ofMillis(300).toNanos(); // the burner's charge closes a second window of 200 ms

        burn(gate);

        assertThat(gate.recentUse()).as("at least 5 ms of CPU in the 200 ms window (the first one used none)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(5).toNanos() / (double) Duration.ofMillis(200).toNanos());
    }

    @Test
    void whenTheSenderIsAloneThenASampleOfItsRequestsIsChargedThatManyTimesOver() throws Exception {
        SenderGate gate = gate(); // no window closed yet: not saturated, so sampled
        Duration spin = Duration.ofMillis(1);
        int requests = 160;
        start(gate, spin);

        for (int i = 0; i < requests; i++) {
            burn(gate); // all within the gate's first window: the clock stands still
        }
        now = Duration.ofSeconds(1).toNanos();
        gate.enter("closer", () -> { });
        gate.leave("closer", 0); // closes the window: its use is everything charged, over one second

        double burnt = requests * spin.toNanos() / (double) Duration.ofSeconds(1).toNanos();
        // 20 of the 160 requests measured on average, each charged 8 times over; fewer than 5 of them has odds of
        // 1 in 100,000
        assertThat(gate.recentUse()).as("the sample's weighed charge, against %s of CPU burnt per second", burnt)
                .isGreaterThanOrEqualTo(burnt * 0.25);
    }
}
