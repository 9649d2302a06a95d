package io.grantsmith.server.http;

import io.grantsmith.facade.users.UserManagement;
import java.util.Set;

/**
 * The built-in authorization server's users over the management API (Grantsmith's own; Authlete keeps no users):
 * create or replace one with password, subject and claims, read it, replace its claims, delete it. The admin token
 * or the service's API secret (Bearer) authorises. Passwords go in request bodies only, never in a URL, and no
 * answer carries one or its hash.
 */
final class UserEndpoints {
    private final UserManagement users;
    private final ApiAuthentication authentication;

    UserEndpoints(UserManagement users, ApiAuthentication authentication) {
        this.users = users;
        this.authentication = authentication;
    }

    void register(Router router) {
        router.add(new Route("POST", "/api/{serviceId}/user/create", "/user/create", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(users.create(serviceId, ApiBodies.read(exchange, Set.of()))));
        }));
        router.add(new Route("GET", "/api/{serviceId}/user/get", "/user/get", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(users.get(serviceId, exchange.queryParameter("username"))));
        }));
        router.add(new Route("POST", "/api/{serviceId}/user/claims/update", "/user/claims/update", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            exchange.sendJson(200, ApiBodies.write(users.updateClaims(serviceId, ApiBodies.read(exchange, Set.of()))));
        }));
        router.add(new Route("DELETE", "/api/{serviceId}/user/delete", "/user/delete", exchange -> {
            long serviceId = authentication.v3Service(exchange);
            users.delete(serviceId, exchange.queryParameter("username"));
            exchange.sendNoContent();
        }));
    }
}
