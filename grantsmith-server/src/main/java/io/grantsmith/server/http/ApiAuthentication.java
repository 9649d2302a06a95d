package io.grantsmith.server.http;

import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.facade.access.ApiAccess;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import java.security.MessageDigest;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Authenticates API calls from their {@code Authorization} header: v3 paths take a Bearer token (the admin
 * token or the service's API secret), v2 paths HTTP Basic with the service's API key and secret. An SDK
 * configured for DPoP sends {@code DPoP <token>}; the token is checked the same way (the proof is not).
 * A 401 names the scheme that was asked for.
 */
final class ApiAuthentication {
    private final ApiAccess access;
    private final SenderGate senders;

    /**
     * @param senders bounds each service's calls in process at once: once a call is authenticated for a service it
     *                waits for one of the service's slots (before its body is read), so that one service's
     *                flood of calls leaves the others their share
     */
    ApiAuthentication(ApiAccess access, SenderGate senders) {
        this.access = access;
        this.senders = senders;
    }

    /** The sender of {@code /api} calls for one service, at the {@link SenderGate}. */
    record ApiSender(long serviceId) {
    }

    /** The service of a v3 call on {@code /api/{serviceId}/…}, once the caller may act on it and has its turn. */
    long v3Service(Exchange exchange) {
        long serviceId = serviceIdOf(exchange);
        access.bearer(token(exchange), serviceId); // 401 unless the admin token or this service's secret
        exchange.awaitTurn(senders, new ApiSender(serviceId));
        return serviceId;
    }

    /** Checks that a call naming no service comes from the administrator (401 otherwise). */
    void admin(Exchange exchange) {
        access.bearer(token(exchange), null);
    }

    /**
     * Checks that a call comes from the administrator or presents {@code routeToken}, a token valid on this route
     * only (the metrics token); 401 otherwise.
     *
     * @param routeToken the hash of the route's own token, or null when it has none
     */
    void adminOr(Exchange exchange, TokenHash routeToken) {
        String token = token(exchange);
        if (routeToken != null && MessageDigest.isEqual(TokenHasher.hash(token).bytes(), routeToken.bytes())) {
            return;
        }
        access.bearer(token, null);
    }

    /** The service of a v2 call, from its API key and secret, once it has its turn. A 401 asks for HTTP Basic. */
    long v2Service(Exchange exchange) {
        exchange.challengeWithBasic();
        String header = singleAuthorization(exchange);
        AuthorizationHeader.Basic basic = AuthorizationHeader.basic(header, false);
        if (basic == null) {
            throw new ApiFailure(ApiResultCode.AUTHORIZATION_MALFORMED);
        }
        long serviceId = access.keyAndSecret(basic.user(), basic.password()).serviceId();
        exchange.awaitTurn(senders, new ApiSender(serviceId));
        return serviceId;
    }

    /**
     * The service of a v2 call that also names it in the path ({@code {serviceId}}): its own API key and secret
     * only, as a service's secret is valid for that service only.
     */
    long v2ServiceNamed(Exchange exchange) {
        long named = serviceIdOf(exchange);
        if (v2Service(exchange) != named) {
            throw new ApiFailure(ApiResultCode.CREDENTIALS_INVALID);
        }
        return named;
    }

    private static String token(Exchange exchange) {
        String header = singleAuthorization(exchange);
        String scheme = AuthorizationHeader.scheme(header);
        String token = AuthorizationHeader.credentials(header);
        if (!("bearer".equals(scheme) || "dpop".equals(scheme)) || token.isEmpty() || token.indexOf(' ') >= 0) {
            throw new ApiFailure(ApiResultCode.AUTHORIZATION_MALFORMED);
        }
        return token;
    }

    private static String singleAuthorization(Exchange exchange) {
        int count = exchange.headerCount(HttpHeader.AUTHORIZATION);
        if (count == 0) {
            throw new ApiFailure(ApiResultCode.AUTHORIZATION_MISSING);
        }
        if (count > 1) {
            throw new ApiFailure(ApiResultCode.AUTHORIZATION_MALFORMED);
        }
        return exchange.header(HttpHeader.AUTHORIZATION);
    }

    /** The numeric service ID in the path; anything else names no service. */
    static long serviceIdOf(Exchange exchange) {
        String value = exchange.pathParameter("serviceId");
        try {
            long serviceId = Long.parseLong(value);
            if (serviceId > 0) {
                return serviceId;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, Quoted.of(value));
    }
}
