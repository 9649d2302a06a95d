package io.grantsmith.core.token;

import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import java.time.Duration;

/**
 * Token lifetimes, as Authlete determines them: a positive lifetime in the request wins; otherwise the
 * shortest of the service's lifetime, the client's and those set by the granted scopes' attributes
 * ({@code access_token.duration}, {@code refresh_token.duration}). Lifetimes are capped at {@link #MAX_LIFETIME}.
 */
public final class TokenLifetimes {
    /**
     * No token outlives this, whatever a caller asks for: it keeps expiry times far from the limits of
     * {@code Instant} and of JSON numbers that JavaScript reads exactly.
     */
    public static final Duration MAX_LIFETIME = Duration.ofDays(36_500);

    private TokenLifetimes() {
    }

    public static Duration accessToken(Service service, Client client, Scopes scopes, long requestedSeconds) {
        return resolve(requestedSeconds, service.accessTokenDuration(), client.accessTokenDuration(),
                service.scopes().shortestDuration(scopes, "access_token.duration"));
    }

    public static Duration refreshToken(Service service, Client client, Scopes scopes, long requestedSeconds) {
        return resolve(requestedSeconds, service.refreshTokenDuration(), client.refreshTokenDuration(),
                service.scopes().shortestDuration(scopes, "refresh_token.duration"));
    }

    private static Duration resolve(long requestedSeconds, Duration serviceDefault, Duration clientCap,
            Duration scopeCap) {
        if (requestedSeconds > 0) {
            return requestedSeconds > MAX_LIFETIME.getSeconds() ? MAX_LIFETIME : Duration.ofSeconds(requestedSeconds);
        }
        Duration lifetime = serviceDefault;
        if (!clientCap.isZero() && clientCap.compareTo(lifetime) < 0) {
            lifetime = clientCap;
        }
        if (!scopeCap.isZero() && scopeCap.compareTo(lifetime) < 0) {
            lifetime = scopeCap;
        }
        return lifetime;
    }
}
