package io.grantsmith.server.http;

import io.grantsmith.server.metrics.ServerMetrics;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format. It takes the admin token (Prometheus sends it with
 * {@code authorization: credentials: <token>} in the scrape configuration): request counts by route reveal how the
 * server is used.
 */
final class MetricsEndpoint {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final ApiAuthentication authentication;

    MetricsEndpoint(ServerMetrics metrics, ApiAuthentication authentication) {
        this.metrics = metrics;
        this.authentication = authentication;
    }

    void register(Router router) {
        router.add(new Route("GET", "/metrics", "/metrics", exchange -> {
            authentication.admin(exchange);
            exchange.send(200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                    "Cache-Control", "no-store");
        }));
    }
}
