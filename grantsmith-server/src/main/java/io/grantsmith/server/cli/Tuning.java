package io.grantsmith.server.cli;

import io.grantsmith.facade.Grantsmith;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Engine settings that rarely need changing. */
public final class Tuning {
    @Option(names = "--cache-ttl", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long service and client settings are cached; changes made by another process "
                    + "(e.g. this CLI while the server runs) show after this long (default: ${DEFAULT-VALUE}).")
    long cacheTtlSeconds;

    @Option(names = "--refresh-grace", paramLabel = "SECONDS", defaultValue = "60",
            description = "Grace period in which services with refreshTokenIdempotent answer a retry with a "
                    + "rotated-away refresh token (default: ${DEFAULT-VALUE}).")
    long refreshGraceSeconds;

    @Option(names = "--ticket-lifetime", paramLabel = "SECONDS", defaultValue = "600",
            description = "Lifetime of password-grant tickets (default: ${DEFAULT-VALUE}).")
    long ticketLifetimeSeconds;

    @Option(names = "--purge-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "How often expired tokens and tickets are deleted (default: ${DEFAULT-VALUE}).")
    long purgeIntervalSeconds;

    @Option(names = "--error-uri-base", paramLabel = "URL", defaultValue = Grantsmith.Builder.DEFAULT_ERROR_URI_BASE,
            description = "Prefix of error_uri in error responses; the result code is appended "
                    + "(default: ${DEFAULT-VALUE}).")
    String errorUriBase;

    /**
     * The longest any of these settings may be: they are seconds to minutes in practice, and near
     * {@code Long.MAX_VALUE} the times computed from them would overflow.
     */
    static final long MAX_SECONDS = Duration.ofDays(1).getSeconds();

    Duration cacheTtl() {
        return inRange(cacheTtlSeconds, 1, "--cache-ttl");
    }

    Duration refreshGrace() {
        return inRange(refreshGraceSeconds, 0, "--refresh-grace");
    }

    Duration ticketLifetime() {
        return inRange(ticketLifetimeSeconds, 1, "--ticket-lifetime");
    }

    Duration purgeInterval() {
        return inRange(purgeIntervalSeconds, 1, "--purge-interval");
    }

    static Duration inRange(long seconds, long min, String option) {
        if (seconds < min) {
            throw new IllegalArgumentException(option + (min == 0 ? " must not be negative" : " must be positive"));
        }
        if (seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(option + " must be at most " + MAX_SECONDS + " seconds (one day)");
        }
        return Duration.ofSeconds(seconds);
    }
}
