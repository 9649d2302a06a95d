package io.grantsmith.core.result;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A token value handed out by a result, with when it expires and its lifetime from now. */
public record IssuedToken(String value, Instant expiresAt, Duration duration) {
    public IssuedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(duration, "duration");
    }

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + ", duration=" + duration + "]";
    }
}
