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

/** The edge charges each request's sender the CPU time the request's runs used ({@link SenderGate.CpuPacing}). */
class SenderCpuChargeTest {
    private static final long SPIN_NANOS = Duration.ofMillis(5).toNanos();

    private final Server server = new Server();
    private volatile long now;

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void whenAnEndpointBurnsCpuAfterTakingItsTurnThenItsSenderIsChargedAtLeastThatCpu() throws Exception {
        SenderGate gate = new SenderGate(4, 16, new SenderGate.CpuPacing(Duration.ofMillis(20), 0.9, () -> 1.0,
                () -> now, (delay, task) -> { }));
        Router router = new Router();
        router.add(new Route("POST", "/burn", "/burn", exchange -> {
            exchange.awaitTurn(gate, "burner");
            now = Duration.ofMillis(200).toNanos(); // the request's charge closes the gate's first window of 200 ms
            long start = ThreadCpu.now();
            long sink = 0;
            while (ThreadCpu.now() - start < SPIN_NANOS) { // this thread's CPU, not wall time: no timing flakiness
                sink += System.identityHashCode(exchange) ^ sink;
            }
            exchange.sendJson(200, Long.toString(sink).getBytes(StandardCharsets.US_ASCII));
        }));
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new EdgeHandler(router, new ServerMetrics(List.of()), EdgeLimits.DEFAULTS));
        server.start();

        HttpTester.Response response = HttpTester.parseResponse(connector.getResponse(
                "POST /burn HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));

        assertThat(response.getStatus()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gate.senders() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // the slot is given back just after the response went out, on the server's thread
        }
        assertThat(gate.recentUse()).as("at least 5 ms of CPU in the 200 ms window")
                .isGreaterThanOrEqualTo(SPIN_NANOS / (double) Duration.ofMillis(200).toNanos());
        assertThat(gate.senders()).isZero();
    }
}
