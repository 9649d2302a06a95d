package io.grantsmith.server.http;

import io.grantsmith.facade.Grantsmith;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health} (and {@code HEAD}): readiness, 200 when the store can serve requests, 503 otherwise; and
 * {@code GET /health/live}: liveness, 200 whenever the process answers HTTP at all. No credentials, no details.
 *
 * <p>The two answer different questions: a database outage makes a node not ready (take it out of the load
 * balancer) but not dead (restarting it would not bring the database back, and it recovers by itself when the
 * database returns). An orchestrator that restarts on failed readiness would turn every database blip into a
 * restart storm; it should restart on liveness only.
 */
final class HealthEndpoint {
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);

    private final Grantsmith grantsmith;

    HealthEndpoint(Grantsmith grantsmith) {
        this.grantsmith = grantsmith;
    }

    void register(Router router) {
        // HEAD too: some load balancers probe with it (Jetty sends the headers without the body)
        for (String method : new String[] {"GET", "HEAD"}) {
            router.add(new Route(method, "/health", "/health", this::answerReadiness));
            router.add(new Route(method, "/health/live", "/health/live", this::answerLiveness));
        }
    }

    private void answerReadiness(Exchange exchange) {
        boolean healthy = grantsmith.isHealthy();
        exchange.sendJson(healthy ? 200 : 503, healthy ? UP : DOWN);
    }

    private void answerLiveness(Exchange exchange) {
        // Deliberately touches no store, pool or lock: it proves the HTTP stack and a worker thread still run.
        exchange.sendJson(200, UP);
    }
}
