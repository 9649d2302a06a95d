package io.grantsmith.server.http;

import java.time.Duration;

/**
 * How the HTTP edge protects itself from clients that connect and then send slowly or not at all. Request bodies
 * are read without holding a worker thread while they arrive, so slow clients cost connections and a little
 * memory, never threads; these limits bound those too.
 *
 * @param idleTimeout        a connection that sends and receives nothing for this long is closed
 * @param headerTimeout      the request line and headers must arrive within this long of their first byte
 * @param minRequestDataRate bytes per second that a request body must average once {@link #BODY_GRACE} has passed;
 *                           0 turns the check off (the idle timeout still applies)
 * @param maxConnections     connections open at once; beyond it new connections wait in the kernel's accept queue
 * @param maxThreads         worker threads, which run requests once their body has arrived (the token endpoints give
 *                           theirs back while their write commits; other writes block on them until durable)
 * @param requestsInProcess  requests in process at once that the senders busy at the moment (services at {@code /api},
 *                           clients at {@code /as}) share equally, the rest waiting without a thread
 *                           ({@link SenderGate}); 0 for {@link SenderGate#automaticBudget()}
 * @param refusalDelay       how much later than ready the token endpoint {@code /as} sends refusals that cost it little
 *                           and strangers can repeat at will (unknown client, wrong secret or password, throttled,
 *                           busy); zero sends them at once
 */
public record EdgeLimits(Duration idleTimeout, Duration headerTimeout, long minRequestDataRate, int maxConnections,
        int maxThreads, int requestsInProcess, Duration refusalDelay) {
    /**
     * Time a body may take before the rate is enforced, so that a small body that arrives in one late packet (lost
     * and sent again, or sent after a {@code 100 Continue}) is not held to a rate it never had the bytes to show.
     * Longer than the couple of retransmissions a lossy link needs; short enough that a trickler is cut off soon.
     */
    public static final Duration BODY_GRACE = Duration.ofSeconds(5);

    public static final EdgeLimits DEFAULTS = new EdgeLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 1024,
            4096, 400, 0, Duration.ofSeconds(1));

    public EdgeLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("the header timeout must be positive");
        }
        if (minRequestDataRate < 0) {
            throw new IllegalArgumentException("the minimum request data rate must not be negative");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("the connection limit must be positive");
        }
        if (maxThreads < 8) {
            throw new IllegalArgumentException("at least 8 worker threads are needed");
        }
        if (requestsInProcess < 0) {
            throw new IllegalArgumentException("the requests in process must not be negative");
        }
        if (refusalDelay.isNegative()) {
            throw new IllegalArgumentException("the refusal delay must not be negative");
        }
    }

    /** The requests in process that busy senders share: as configured, or the automatic figure. */
    public int effectiveRequestsInProcess() {
        return requestsInProcess > 0 ? requestsInProcess : SenderGate.automaticBudget();
    }

    public EdgeLimits withIdleTimeout(Duration value) {
        return new EdgeLimits(value, headerTimeout, minRequestDataRate, maxConnections, maxThreads,
                requestsInProcess, refusalDelay);
    }

    public EdgeLimits withHeaderTimeout(Duration value) {
        return new EdgeLimits(idleTimeout, value, minRequestDataRate, maxConnections, maxThreads,
                requestsInProcess, refusalDelay);
    }

    public EdgeLimits withMinRequestDataRate(long value) {
        return new EdgeLimits(idleTimeout, headerTimeout, value, maxConnections, maxThreads,
                requestsInProcess, refusalDelay);
    }

    public EdgeLimits withMaxConnections(int value) {
        return new EdgeLimits(idleTimeout, headerTimeout, minRequestDataRate, value, maxThreads,
                requestsInProcess, refusalDelay);
    }

    public EdgeLimits withMaxThreads(int value) {
        return new EdgeLimits(idleTimeout, headerTimeout, minRequestDataRate, maxConnections, value,
                requestsInProcess, refusalDelay);
    }

    public EdgeLimits withRequestsInProcess(int value) {
        return new EdgeLimits(idleTimeout, headerTimeout, minRequestDataRate, maxConnections, maxThreads, value,
                refusalDelay);
    }

    public EdgeLimits withRefusalDelay(Duration value) {
        return new EdgeLimits(idleTimeout, headerTimeout, minRequestDataRate, maxConnections, maxThreads,
                requestsInProcess, value);
    }
}
