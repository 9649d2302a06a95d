package io.grantsmith.server.http;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.server.metrics.ServerMetrics;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format. It takes the metrics token, a read-only credential
 * valid here and nowhere else, or the admin token (Prometheus sends either with
 * {@code authorization: credentials: <token>} in the scrape configuration): request counts by route reveal how the
 * server is used.
 */
final class MetricsEndpoint {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final ApiAuthentication authentication;
    private final TokenHash metricsToken;

    /** @param metricsToken the hash of the configured metrics token, or null when only the admin token may scrape */
    MetricsEndpoint(ServerMetrics metrics, ApiAuthentication authentication, TokenHash metricsToken) {
        this.metrics = metrics;
        this.authentication = authentication;
        this.metricsToken = metricsToken;
    }

    void register(Router router) {
        router.add(new Route("GET", "/metrics", "/metrics", exchange -> {
            authentication.adminOr(exchange, metricsToken);
            exchange.send(200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8));
        }));
    }
}
