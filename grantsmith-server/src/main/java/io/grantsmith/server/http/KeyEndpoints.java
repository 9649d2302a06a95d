package io.grantsmith.server.http;

import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.manage.KeyManagement;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Services' signing keys over HTTP:
 * <ul>
 * <li>{@code GET /api/{serviceId}/service/jwks/get} (Bearer) and {@code GET /api/service/jwks/get} (v2, Basic):
 * Authlete's JWK Set API, the raw set with 200, or 204 when the service has no keys; query {@code pretty} and
 * {@code includePrivateKeys};</li>
 * <li>{@code GET /api/{serviceId}/service/keys/list} and {@code POST /api/{serviceId}/service/keys/rotate}
 * (optional query {@code alg}): Grantsmith's key management, with the admin token or the service's secret;</li>
 * <li>{@code GET /as/{serviceId}/jwks}: the built-in authorization server's {@code jwks_uri}, public keys only,
 * no credentials, cacheable.</li>
 * </ul>
 */
final class KeyEndpoints {
    /**
     * How long relying parties and proxies may cache the public set. A rotation publishes the next key a rotation
     * before it signs, and a retired key stays published far longer than this, so a cached set stays valid.
     */
    static final int PUBLIC_MAX_AGE_SECONDS = 300;
    static final String JWK_SET_TYPE = "application/jwk-set+json";

    private final KeyManagement keys;
    private final ApiAuthentication authentication;

    KeyEndpoints(KeyManagement keys, ApiAuthentication authentication) {
        this.keys = keys;
        this.authentication = authentication;
    }

    void register(Router router) {
        new ApiRoutes(router, authentication).add("GET", "/service/jwks/get", this::jwks);
        router.add(new Route("GET", "/api/{serviceId}/service/keys/list", "/service/keys/list", exchange ->
                exchange.sendJson(200, ApiBodies.write(keys.list(authentication.v3Service(exchange))))));
        router.add(new Route("POST", "/api/{serviceId}/service/keys/rotate", "/service/keys/rotate", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(keys.rotate(serviceId, algorithm(exchange))));
        }));
        router.add(new Route("GET", "/as/{serviceId}/jwks", "/as/jwks", this::publicJwks));
    }

    private void jwks(Exchange exchange, long serviceId) {
        Optional<String> set = keys.jwks(serviceId, flag(exchange, "includePrivateKeys"), flag(exchange, "pretty"));
        if (set.isEmpty()) {
            exchange.sendNoContent();
        } else {
            exchange.sendJson(200, set.get().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Public keys only; a service without keys publishes an empty set, which relying parties read as such. */
    private void publicJwks(Exchange exchange) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        String set = keys.jwks(serviceId, false, false).orElse("{\"keys\":[]}");
        exchange.sendPublic(200, JWK_SET_TYPE, set.getBytes(StandardCharsets.UTF_8), PUBLIC_MAX_AGE_SECONDS);
    }

    /** A true/false query parameter; absent or empty is false, anything else a 400. */
    static boolean flag(Exchange exchange, String name) {
        String value = exchange.queryParameter(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ApiFailure(ApiResultCode.INVALID_VALUE,
                    "The query parameter '" + name + "' must be true or false.");
        };
    }

    /** The {@code alg} query parameter, or null for every algorithm the service has keys for. */
    private static SigningAlgorithm algorithm(Exchange exchange) {
        String value = exchange.queryParameter("alg");
        if (value == null || value.isEmpty()) {
            return null;
        }
        return SigningAlgorithm.ofWireName(value)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.ALGORITHM_UNSUPPORTED, Quoted.of(value)));
    }
}
