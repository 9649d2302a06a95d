package io.grantsmith.server.cli;

import io.grantsmith.server.http.EdgeLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How the HTTP edge treats slow and idle clients; the defaults are {@link EdgeLimits#DEFAULTS}. */
public final class EdgeOptions {
    /** A rate above this is a typo, not a limit: a gigabyte per second. */
    private static final long MAX_RATE = 1_000_000_000L;
    private static final int MAX_CONNECTIONS = 1_000_000;
    /** Longer than this and clients' own timeouts (and the idle timeout) would cut the connection first. */
    private static final long MAX_REFUSAL_DELAY_MILLIS = 10_000;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a connection that sends and receives nothing for this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a connection whose request line and headers take longer than this to arrive "
                    + "(default: ${DEFAULT-VALUE}).")
    long headerTimeoutSeconds;

    @Option(names = "--min-request-data-rate", paramLabel = "BYTES", defaultValue = "1024",
            description = "Bytes per second a request body must average after its first five seconds, or it is "
                    + "answered 408 and its connection closed; 0 turns the check off (default: ${DEFAULT-VALUE}).")
    long minRequestDataRate;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "4096",
            description = "Connections open at once; further ones wait to be accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--requests-in-process", paramLabel = "N", defaultValue = "0",
            description = "Requests in process at once, shared equally by the services (at /api) and clients (at "
                    + "/as) busy at the moment; the rest wait, without a thread, for their turn; 0 for four per "
                    + "processor, at least eight (default: ${DEFAULT-VALUE}).")
    int requestsInProcess;

    @Option(names = "--refusal-delay", paramLabel = "MILLISECONDS", defaultValue = "1000",
            description = "How much later than ready /as sends refusals (unknown client, wrong secret or password, "
                    + "throttled, busy); 0 sends them at once (default: ${DEFAULT-VALUE}).")
    long refusalDelayMillis;

    EdgeLimits limits() {
        if (minRequestDataRate < 0 || minRequestDataRate > MAX_RATE) {
            throw new IllegalArgumentException("--min-request-data-rate must be between 0 and " + MAX_RATE);
        }
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--max-connections must be between 1 and " + MAX_CONNECTIONS);
        }
        if (requestsInProcess < 0 || requestsInProcess > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--requests-in-process must be between 0 and " + MAX_CONNECTIONS);
        }
        if (refusalDelayMillis < 0 || refusalDelayMillis > MAX_REFUSAL_DELAY_MILLIS) {
            throw new IllegalArgumentException("--refusal-delay must be between 0 and " + MAX_REFUSAL_DELAY_MILLIS);
        }
        Duration idle = Tuning.inRange(idleTimeoutSeconds, 1, "--idle-timeout");
        Duration header = Tuning.inRange(headerTimeoutSeconds, 1, "--header-timeout");
        return EdgeLimits.DEFAULTS.withIdleTimeout(idle).withHeaderTimeout(header)
                .withMinRequestDataRate(minRequestDataRate).withMaxConnections(maxConnections)
                .withRequestsInProcess(requestsInProcess).withRefusalDelay(Duration.ofMillis(refusalDelayMillis));
    }
}
