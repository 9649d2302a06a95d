package io.grantsmith.server.http;

import io.grantsmith.core.error.Quoted;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.manage.ClientManagement;
import io.grantsmith.facade.manage.Paging;
import io.grantsmith.facade.manage.ServiceManagement;
import java.util.Set;

/**
 * Service and client management in Authlete's JSON shapes. Creating and listing services and rotating a service's
 * API secret take the admin token; everything on {@code /api/{serviceId}/…} takes the admin token or that service's
 * API secret (v3, Bearer). Client management and reading the service are also served on Authlete's v2 paths
 * ({@code /api/client/…}, {@code /api/service/get}) with HTTP Basic API key and secret, as authlete-php and older
 * SDKs call them: the same documents and result codes.
 */
final class ManagementEndpoints {
    private final ServiceManagement services;
    private final ClientManagement clients;
    private final ApiAuthentication authentication;

    ManagementEndpoints(ServiceManagement services, ClientManagement clients, ApiAuthentication authentication) {
        this.services = services;
        this.clients = clients;
        this.authentication = authentication;
    }

    void register(Router router) {
        router.add(new Route("POST", "/api/service/create", "/service/create", exchange -> {
            authentication.admin(exchange);
            exchange.sendJson(200, ApiBodies.write(services.create(ApiBodies.read(exchange, Set.of()))));
        }));
        router.add(new Route("GET", "/api/service/get/list", "/service/get/list", exchange -> {
            authentication.admin(exchange);
            exchange.sendJson(200, ApiBodies.write(services.list(paging(exchange))));
        }));
        router.add(new Route("POST", "/api/{serviceId}/service/update", "/service/update", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(services.update(serviceId, ApiBodies.read(exchange, Set.of()))));
        }));
        router.add(new Route("DELETE", "/api/{serviceId}/service/delete", "/service/delete", exchange -> {
            services.delete(authentication.v3Service(exchange));
            exchange.sendNoContent();
        }));
        // Only the administrator: a stolen service secret must not be able to lock the service's owner out.
        router.add(new Route("POST", "/api/{serviceId}/service/secret/rotate", "/service/secret/rotate", exchange -> {
            long serviceId = ApiAuthentication.serviceIdOf(exchange);
            authentication.admin(exchange);
            exchange.sendJson(200, ApiBodies.write(services.rotateSecret(serviceId, "/service/secret/rotate")));
        }));

        new ApiRoutes(router, authentication).add("GET", "/service/get", (exchange, serviceId) ->
                exchange.sendJson(200, ApiBodies.write(services.get(serviceId))));
        // authlete-java-common's v2 getService(apiKey) names the service in the path; its own key and secret may read it
        router.add(new Route("GET", "/api/service/get/{serviceId}", "/service/get", exchange ->
                exchange.sendJson(200, ApiBodies.write(services.get(authentication.v2ServiceNamed(exchange))))));

        registerClients(new ApiRoutes(router, authentication));
    }

    private void registerClients(ApiRoutes routes) {
        routes.post("/client/create", (exchange, serviceId) ->
                exchange.sendJson(200, ApiBodies.write(clients.create(serviceId, ApiBodies.read(exchange, Set.of())))));
        // The literal 'list' wins over the '{clientId}' of the next route (the router prefers literal segments).
        routes.add("GET", "/client/get/list", (exchange, serviceId) -> {
            refuseDeveloperFilter(exchange);
            exchange.sendJson(200, ApiBodies.write(clients.list(serviceId, paging(exchange))));
        });
        routes.add("GET", "/client/get/{clientId}", "/client/get", (exchange, serviceId) ->
                exchange.sendJson(200, ApiBodies.write(clients.get(serviceId, exchange.pathParameter("clientId")))));
        routes.add("POST", "/client/update/{clientId}", "/client/update", (exchange, serviceId) -> {
            long clientId = numericClientId(exchange);
            exchange.sendJson(200,
                    ApiBodies.write(clients.update(serviceId, clientId, ApiBodies.read(exchange, Set.of()))));
        });
        routes.add("DELETE", "/client/delete/{clientId}", "/client/delete", (exchange, serviceId) -> {
            clients.delete(serviceId, exchange.pathParameter("clientId"));
            exchange.sendNoContent();
        });
    }

    /**
     * Authlete filters the list by the clients' {@code developer}; Grantsmith keeps no developers, so a list narrowed
     * to one is refused rather than answered with every client. An empty value (authlete-php sends one) filters
     * nothing.
     */
    private static void refuseDeveloperFilter(Exchange exchange) {
        String developer = exchange.queryParameter("developer");
        if (developer != null && !developer.isEmpty()) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE,
                    "The query parameter 'developer' is not supported: clients have no developer here.");
        }
    }

    private static Paging paging(Exchange exchange) {
        return Paging.of(intParameter(exchange, "start"), intParameter(exchange, "end"));
    }

    private static Integer intParameter(Exchange exchange, String name) {
        String value = exchange.queryParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "The query parameter '" + name + "' must be a number.");
        }
    }

    private static long numericClientId(Exchange exchange) {
        String value = exchange.pathParameter("clientId");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiFailure(ApiResultCode.CLIENT_NOT_FOUND, Quoted.of(value));
        }
    }
}
