package io.grantsmith.server.http;

import io.grantsmith.facade.access.ApiAccess;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Authenticates API calls from their {@code Authorization} header: v3 paths take a Bearer token (the admin
 * token or the service's API secret), v2 paths HTTP Basic with the service's API key and secret. An SDK
 * configured for DPoP sends {@code DPoP <token>}; the token is checked the same way (the proof is not).
 */
final class ApiAuthentication {
    private final ApiAccess access;

    ApiAuthentication(ApiAccess access) {
        this.access = access;
    }

    /** The service of a v3 call on {@code /api/{serviceId}/…}, once the caller may act on it. */
    long v3Service(Exchange exchange) {
        long serviceId = serviceIdOf(exchange);
        access.bearer(token(exchange), serviceId); // 401 unless the admin token or this service's secret
        return serviceId;
    }

    /** Checks that a call naming no service comes from the administrator (401 otherwise). */
    void admin(Exchange exchange) {
        access.bearer(token(exchange), null);
    }

    /** The service of a v2 call, from its API key and secret. */
    long v2Service(Exchange exchange) {
        String header = singleAuthorization(exchange);
        AuthorizationHeader.Basic basic = AuthorizationHeader.basic(header, false);
        if (basic == null) {
            throw new ApiFailure(ApiResultCode.AUTHORIZATION_MALFORMED);
        }
        return access.keyAndSecret(basic.user(), basic.password()).serviceId();
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
        throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, io.grantsmith.core.error.Quoted.of(value));
    }
}
