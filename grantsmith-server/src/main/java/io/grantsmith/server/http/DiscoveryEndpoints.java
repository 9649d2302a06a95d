package io.grantsmith.server.http;

import io.grantsmith.api.dto.ServiceConfigurationRequest;
import io.grantsmith.facade.discovery.Discovery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Services' discovery documents over HTTP:
 * <ul>
 * <li>{@code GET|POST /api/{serviceId}/service/configuration} (Bearer) and {@code GET|POST /api/service/configuration}
 * (v2, Basic): Authlete's API, the raw document (no envelope) with {@code Cache-Control: no-store}; options
 * {@code pretty} and {@code patch} (an RFC 6902 JSON Patch) in the query of a GET, in the JSON or form body of a
 * POST (Authlete's Java SDK POSTs {@code {pretty, patch}});</li>
 * <li>{@code GET /as/{serviceId}/.well-known/openid-configuration} (OpenID Connect Discovery §4), and the same
 * document at {@code GET /.well-known/oauth-authorization-server/as/{serviceId}} (RFC 8414 §3) and
 * {@code GET /.well-known/openid-configuration/as/{serviceId}} (RFC 8414 §5's form for OpenID Connect): the
 * built-in authorization server's metadata, public, cacheable, readable by browser applications on any origin.</li>
 * </ul>
 */
final class DiscoveryEndpoints {
    /**
     * How long relying parties and proxies may cache the built-in document. It changes when a service's settings or
     * signing algorithms do, which is rare; a few minutes' delay is what OpenID Connect Discovery expects.
     */
    static final int PUBLIC_MAX_AGE_SECONDS = 300;

    private final Discovery discovery;
    private final ApiAuthentication authentication;

    DiscoveryEndpoints(Discovery discovery, ApiAuthentication authentication) {
        this.discovery = discovery;
        this.authentication = authentication;
    }

    void register(Router router) {
        String api = "/service/configuration";
        new ApiRoutes(router, authentication)
                .add("GET", api, this::fromQuery)
                .add("POST", api, this::fromBody);

        router.add(new Route("GET", "/as/{serviceId}/.well-known/openid-configuration",
                "/as/.well-known/openid-configuration", this::builtIn));
        router.add(new Route("GET", "/.well-known/oauth-authorization-server/as/{serviceId}",
                "/.well-known/oauth-authorization-server", this::builtIn));
        router.add(new Route("GET", "/.well-known/openid-configuration/as/{serviceId}",
                "/.well-known/openid-configuration", this::builtIn));
    }

    private void fromQuery(Exchange exchange, long serviceId) {
        send(exchange, discovery.configuration(serviceId, KeyEndpoints.flag(exchange, "pretty"),
                exchange.queryParameter("patch")));
    }

    private void fromBody(Exchange exchange, long serviceId) throws IOException {
        ServiceConfigurationRequest request = ApiBodies.read(exchange, ServiceConfigurationRequest.class, Set.of());
        send(exchange, discovery.configuration(serviceId, request.isPretty(), request.getPatch()));
    }

    private static void send(Exchange exchange, String document) {
        exchange.sendJsonNoStore(200, document.getBytes(StandardCharsets.UTF_8));
    }

    private void builtIn(Exchange exchange) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        exchange.sendPublic(200, "application/json",
                discovery.builtInConfiguration(serviceId).getBytes(StandardCharsets.UTF_8), PUBLIC_MAX_AGE_SECONDS);
    }
}
