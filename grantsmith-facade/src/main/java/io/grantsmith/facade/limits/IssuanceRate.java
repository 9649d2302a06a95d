package io.grantsmith.facade.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * How many token requests one service may have issued per period: {@code permits} per {@code period}, of which
 * all may come at once (the burst is one period's worth).
 *
 * @param permits permits per period; 0 for no limit
 */
public record IssuanceRate(long permits, Duration period) {
    /** No limit. */
    public static final IssuanceRate UNLIMITED = new IssuanceRate(0, Duration.ofSeconds(1));

    public IssuanceRate {
        Objects.requireNonNull(period, "period");
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative");
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive");
        }
    }

    public static IssuanceRate perSecond(long permits) {
        return new IssuanceRate(permits, Duration.ofSeconds(1));
    }

    public boolean unlimited() {
        return permits == 0;
    }
}
