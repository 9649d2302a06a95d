package io.grantsmith.facade.limits;

import java.time.Duration;

/** A wait as the whole seconds of a {@code Retry-After} header (RFC 9110 §10.2.3): rounded up, at least one. */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static long seconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
