package io.grantsmith.server.cli;

import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.discovery.PublicUrl;
import io.grantsmith.facade.limits.IssuanceRate;
import io.grantsmith.facade.users.PasswordLimits;
import io.grantsmith.jose.JoseProvider;
import io.grantsmith.store.jdbc.PostgresSettings;
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

    @Option(names = "--authorization-ticket-lifetime", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long a ticket from /auth/authorization waits for /auth/authorization/issue or /fail: "
                    + "the time a user has to log in and consent (default: ${DEFAULT-VALUE}).")
    long authorizationTicketLifetimeSeconds;

    @Option(names = "--session-lifetime", paramLabel = "SECONDS", defaultValue = "28800",
            description = "How long a browser session of the built-in login page lasts: within it, /as/{id}/authorize "
                    + "needs no new login (default: ${DEFAULT-VALUE}, 8 hours; at most 30 days).")
    long sessionLifetimeSeconds;

    @Option(names = "--purge-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "How often expired tokens and tickets are deleted (default: ${DEFAULT-VALUE}).")
    long purgeIntervalSeconds;

    @Option(names = "--write-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long a request waits for its write to be committed; then it fails (server_error) "
                    + "and /health reports the store not ready while the writer stays stuck (default: "
                    + "${DEFAULT-VALUE}).")
    long writeTimeoutSeconds;

    @Option(names = "--db-pool-size", paramLabel = "N", defaultValue = "16",
            description = "Connections this node keeps to PostgreSQL (--store postgres), shared by reads and writes "
                    + "(default: ${DEFAULT-VALUE}).")
    int dbPoolSize;

    // The defaults are PostgresSettings' (CliConfigurationTest checks that they agree): an annotation takes no enum name.
    @Option(names = "--db-writer", paramLabel = "group|pooled", defaultValue = "group",
            description = "How this node's writes reach PostgreSQL (--store postgres): group (writer threads, each on "
                    + "a pooled connection, commit the writes waiting at that moment in one transaction) or pooled (each write is a "
                    + "transaction of its own on a pooled connection) (default: ${DEFAULT-VALUE}).")
    String dbWriter;

    @Option(names = "--db-group-writers", paramLabel = "N", defaultValue = "" + PostgresSettings.DEFAULT_GROUP_WRITERS,
            description = "With --db-writer group: writer threads, each on a pooled connection, that take this node's "
                    + "writes in group transactions; while one waits for PostgreSQL, another sends its batch (default: "
                    + "${DEFAULT-VALUE}).")
    int dbGroupWriters;

    @Option(names = "--error-uri-base", paramLabel = "URL", defaultValue = Grantsmith.Builder.DEFAULT_ERROR_URI_BASE,
            description = "Prefix of error_uri in error responses; the result code is appended "
                    + "(default: ${DEFAULT-VALUE}).")
    String errorUriBase;

    @Option(names = "--password-verifications", paramLabel = "N", defaultValue = "0",
            description = "Password verifications (Argon2id, 19 MiB each) that may run at once at /as; 0 for one "
                    + "per processor, at most one per 64 MiB of heap (default: ${DEFAULT-VALUE}).")
    int passwordVerifications;

    @Option(names = "--password-verification-wait", paramLabel = "MILLISECONDS", defaultValue = "200",
            description = "How long a password attempt waits for a free verification before it is answered 503 "
                    + "(default: ${DEFAULT-VALUE}).")
    long passwordVerificationWaitMillis;

    @Option(names = "--password-throttle", paramLabel = "true|false", arity = "1", defaultValue = "true",
            description = "Throttle failed password attempts per username and client, and per client "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean passwordThrottle;

    @Option(names = "--password-user-failures", paramLabel = "N", defaultValue = "5",
            description = "Failed attempts in a row per username and client before each further one must wait "
                    + "(default: ${DEFAULT-VALUE}).")
    int passwordUserFailures;

    @Option(names = "--password-backoff-max", paramLabel = "SECONDS", defaultValue = "60",
            description = "The longest wait after failed attempts; it starts at 1 s and doubles "
                    + "(default: ${DEFAULT-VALUE}).")
    long passwordBackoffMaxSeconds;

    @Option(names = "--password-client-failures", paramLabel = "N", defaultValue = "600",
            description = "Failed password attempts per client per minute (default: ${DEFAULT-VALUE}).")
    int passwordClientFailures;

    @Option(names = "--issuance-rate", paramLabel = "N", defaultValue = "50000",
            description = "Token requests per second per service, in bursts of up to a second's worth; beyond it "
                    + "the token endpoints answer 429. 0 for no limit (default: ${DEFAULT-VALUE}).")
    long issuanceRate;

    @Option(names = "--max-clients-per-service", paramLabel = "N", defaultValue = "100000",
            description = "How many clients one service may have (default: ${DEFAULT-VALUE}).")
    int maxClientsPerService;

    @Option(names = "--jose-provider", paramLabel = "auto|jdk", defaultValue = "auto",
            description = "Which JCA provider signs and verifies tokens with RSA and EC keys: auto uses the bundled "
                    + "Amazon Corretto Crypto Provider (AWS-LC, x86_64 Linux; several times faster) for each algorithm "
                    + "that passes its start-up self-test and the JDK for the rest; jdk uses the JDK only. TLS always "
                    + "uses the JDK (default: ${DEFAULT-VALUE}).")
    String joseProvider;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The base URL clients use to reach this server, e.g. https://login.example.com (behind a "
                    + "TLS-terminating proxy, the proxy's URL). The built-in authorization server's issuers are "
                    + "<public-url>/as/<serviceId>, and so is the issuer of every service whose document names none "
                    + "(default: http://<host>:<port> of the listener).")
    String publicUrl;

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

    Duration authorizationTicketLifetime() {
        return inRange(authorizationTicketLifetimeSeconds, 1, "--authorization-ticket-lifetime");
    }

    Duration sessionLifetime() {
        if (sessionLifetimeSeconds < 1 || sessionLifetimeSeconds > Duration.ofDays(30).getSeconds()) {
            throw new IllegalArgumentException("--session-lifetime must be 1 to " + Duration.ofDays(30).getSeconds()
                    + " seconds (30 days)");
        }
        return Duration.ofSeconds(sessionLifetimeSeconds);
    }

    Duration purgeInterval() {
        return inRange(purgeIntervalSeconds, 1, "--purge-interval");
    }

    PasswordLimits passwordLimits() {
        atLeast(passwordVerifications, 0, "--password-verifications");
        if (passwordVerificationWaitMillis < 0 || passwordVerificationWaitMillis > 60_000) {
            throw new IllegalArgumentException("--password-verification-wait must be 0 to 60000 milliseconds");
        }
        atLeast(passwordUserFailures, 0, "--password-user-failures");
        atLeast(passwordClientFailures, 1, "--password-client-failures");
        return new PasswordLimits(passwordVerifications, Duration.ofMillis(passwordVerificationWaitMillis),
                passwordThrottle, passwordUserFailures, inRange(passwordBackoffMaxSeconds, 1, "--password-backoff-max"),
                passwordClientFailures);
    }

    IssuanceRate issuanceRate() {
        atLeast(issuanceRate, 0, "--issuance-rate");
        return IssuanceRate.perSecond(issuanceRate);
    }

    /** The configured public URL in canonical form, or null when it comes from the listener. */
    String publicUrl() {
        if (publicUrl == null || publicUrl.isEmpty()) {
            return null;
        }
        try {
            return PublicUrl.normalize(publicUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--public-url: " + e.getMessage(), e);
        }
    }

    JoseProvider.Mode joseProvider() {
        try {
            return JoseProvider.Mode.parse(joseProvider);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }

    int maxClientsPerService() {
        atLeast(maxClientsPerService, 1, "--max-clients-per-service");
        return maxClientsPerService;
    }

    private static void atLeast(long value, long min, String option) {
        if (value < min) {
            throw new IllegalArgumentException(option + (min == 0 ? " must not be negative" : " must be positive"));
        }
    }

    StoreOptions storeOptions() {
        return new StoreOptions(inRange(writeTimeoutSeconds, 1, "--write-timeout"), StoreOptions.Kind.SQLITE, null,
                null, dbPoolSize, StoreOptions.parseWriter(dbWriter), dbGroupWriters);
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
