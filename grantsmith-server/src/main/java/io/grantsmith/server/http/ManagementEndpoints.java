package io.grantsmith.server.http;

import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.manage.ClientManagement;
import io.grantsmith.facade.manage.Paging;
import io.grantsmith.facade.manage.ServiceManagement;
import java.util.Set;

/**
 * Service and client management in Authlete's JSON shapes. Creating and listing services takes the admin
 * token; everything on {@code /api/{serviceId}/…} takes the admin token or that service's API secret.
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
        router.add(new Route("GET", "/api/{serviceId}/service/get", "/service/get", exchange ->
                exchange.sendJson(200, ApiBodies.write(services.get(authentication.v3Service(exchange))))));
        router.add(new Route("POST", "/api/{serviceId}/service/update", "/service/update", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(services.update(serviceId, ApiBodies.read(exchange, Set.of()))));
        }));
        router.add(new Route("DELETE", "/api/{serviceId}/service/delete", "/service/delete", exchange -> {
            services.delete(authentication.v3Service(exchange));
            exchange.sendNoContent();
        }));

        router.add(new Route("POST", "/api/{serviceId}/client/create", "/client/create", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(clients.create(serviceId, ApiBodies.read(exchange, Set.of()))));
        }));
        router.add(new Route("GET", "/api/{serviceId}/client/get/list", "/client/get/list", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(clients.list(serviceId, paging(exchange))));
        }));
        router.add(new Route("GET", "/api/{serviceId}/client/get/{clientId}", "/client/get", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(clients.get(serviceId, exchange.pathParameter("clientId"))));
        }));
        router.add(new Route("POST", "/api/{serviceId}/client/update/{clientId}", "/client/update", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            long clientId = numericClientId(exchange);
            exchange.sendJson(200,
                    ApiBodies.write(clients.update(serviceId, clientId, ApiBodies.read(exchange, Set.of()))));
        }));
        router.add(new Route("DELETE", "/api/{serviceId}/client/delete/{clientId}", "/client/delete", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            clients.delete(serviceId, exchange.pathParameter("clientId"));
            exchange.sendNoContent();
        }));
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
            throw new ApiFailure(ApiResultCode.CLIENT_NOT_FOUND, io.grantsmith.core.error.Quoted.of(value));
        }
    }
}
