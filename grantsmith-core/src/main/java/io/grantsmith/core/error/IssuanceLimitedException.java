package io.grantsmith.core.error;

import java.time.Duration;

/**
 * The service's {@link io.grantsmith.core.spi.IssuanceLimit} refused a token request: the request was not
 * processed and nothing was stored. Unlike refusals of the request itself, this is no OAuth outcome (Authlete's
 * API answers it with HTTP 429 before processing), so it leaves the engine as an exception for the API edge.
 */
public final class IssuanceLimitedException extends RuntimeException {
    private final long retryAfterNanos;

    public IssuanceLimitedException(long retryAfterNanos) {
        super("the service's issuance limit is reached", null, false, false);
        this.retryAfterNanos = retryAfterNanos;
    }

    /** How long until the service may be issued a token again. */
    public Duration retryAfter() {
        return Duration.ofNanos(retryAfterNanos);
    }
}
