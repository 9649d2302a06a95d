package io.grantsmith.server.http;

import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationRequest;
import io.grantsmith.api.dto.AuthorizationResponse;
import io.grantsmith.facade.authorization.AuthorizationApi;
import io.grantsmith.server.metrics.ServerMetrics;
import java.io.IOException;
import java.util.Set;

/**
 * Authlete's authorization API over HTTP: {@code /auth/authorization}, {@code /auth/authorization/issue} and
 * {@code /auth/authorization/fail}, on v3 paths ({@code /api/{serviceId}/…}, Bearer) and v2 paths
 * ({@code /api/…}, Basic API key and secret), with JSON or form bodies. A processed call is always HTTP 200 with
 * {@code Cache-Control: no-store}: the answer carries a ticket or an authorization code; its {@code action}
 * carries the outcome.
 */
final class AuthorizationApiEndpoints {
    /** Form fields that may repeat and become arrays (Authlete's array members of the issue request). */
    private static final Set<String> ISSUE_ARRAY_FIELDS = Set.of("scopes", "consentedClaims", "verifiedClaimsForTx");

    private final AuthorizationApi authorizations;
    private final ApiAuthentication authentication;
    private final ServerMetrics metrics;

    AuthorizationApiEndpoints(AuthorizationApi authorizations, ApiAuthentication authentication,
            ServerMetrics metrics) {
        this.authorizations = authorizations;
        this.authentication = authentication;
        this.metrics = metrics;
    }

    void register(Router router) {
        new ApiRoutes(router, authentication)
                .post("/auth/authorization", this::authorization)
                .post("/auth/authorization/issue", this::issue)
                .post("/auth/authorization/fail", this::fail);
    }

    private void authorization(Exchange exchange, long serviceId) throws IOException {
        AuthorizationRequest request = ApiBodies.read(exchange, AuthorizationRequest.class, Set.of());
        AuthorizationResponse response = authorizations.authorization(serviceId, request);
        metrics.authorizationAction("/auth/authorization", response.getAction().name());
        exchange.sendJsonNoStore(200, ApiBodies.write(response));
    }

    private void issue(Exchange exchange, long serviceId) throws IOException {
        AuthorizationIssueRequest request = ApiBodies.read(exchange, AuthorizationIssueRequest.class,
                ISSUE_ARRAY_FIELDS);
        AuthorizationIssueResponse response = authorizations.issue(serviceId, request);
        metrics.authorizationAction("/auth/authorization/issue", response.getAction().name());
        exchange.sendJsonNoStore(200, ApiBodies.write(response));
    }

    private void fail(Exchange exchange, long serviceId) throws IOException {
        AuthorizationFailRequest request = ApiBodies.read(exchange, AuthorizationFailRequest.class, Set.of());
        AuthorizationFailResponse response = authorizations.fail(serviceId, request);
        metrics.authorizationAction("/auth/authorization/fail", response.getAction().name());
        exchange.sendJsonNoStore(200, ApiBodies.write(response));
    }
}
