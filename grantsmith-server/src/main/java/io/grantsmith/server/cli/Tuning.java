package io.grantsmith.server.cli;

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

    @Option(names = "--error-uri-base", paramLabel = "URL", defaultValue = "https://docs.authlete.com/#",
            description = "Prefix of error_uri in error responses; the result code is appended "
                    + "(default: ${DEFAULT-VALUE}).")
    String errorUriBase;

    Duration cacheTtl() {
        return positive(cacheTtlSeconds, "--cache-ttl");
    }

    Duration refreshGrace() {
        if (refreshGraceSeconds < 0) {
            throw new IllegalArgumentException("--refresh-grace must not be negative");
        }
        return Duration.ofSeconds(refreshGraceSeconds);
    }

    Duration ticketLifetime() {
        return positive(ticketLifetimeSeconds, "--ticket-lifetime");
    }

    Duration purgeInterval() {
        return positive(purgeIntervalSeconds, "--purge-interval");
    }

    private static Duration positive(long seconds, String option) {
        if (seconds <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return Duration.ofSeconds(seconds);
    }
}
