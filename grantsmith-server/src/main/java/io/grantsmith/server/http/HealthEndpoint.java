package io.grantsmith.server.http;

import io.grantsmith.facade.Grantsmith;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health} (and {@code HEAD}): 200 when the store can serve requests, 503 otherwise. No credentials, no
 * details.
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
            router.add(new Route(method, "/health", "/health", this::answer));
        }
    }

    private void answer(Exchange exchange) {
        boolean healthy = grantsmith.isHealthy();
        exchange.sendJson(healthy ? 200 : 503, healthy ? UP : DOWN);
    }
}
