package io.grantsmith.server.http;

import java.nio.charset.StandardCharsets;

/**
 * {@code POST /bench/noop}, registered only for benchmarks ({@code serve --bench-noop-route}): reads the body
 * and answers a fixed token-sized JSON through the same stack as the token endpoint, so that a benchmark can
 * report how much of the HTTP stack's own ceiling the token endpoint reaches.
 */
final class NoopEndpoint {
    private static final byte[] BODY = ("{\"access_token\":\"" + "x".repeat(43)
            + "\",\"token_type\":\"Bearer\",\"expires_in\":86400}").getBytes(StandardCharsets.US_ASCII);

    void register(Router router) {
        router.add(new Route("POST", "/bench/noop", "/bench/noop", exchange -> {
            exchange.body(AuthorizationServerEndpoint.MAX_BODY_BYTES);
            exchange.sendJsonNoStore(200, BODY);
        }));
    }
}
