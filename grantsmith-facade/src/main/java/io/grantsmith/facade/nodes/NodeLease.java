package io.grantsmith.facade.nodes;

import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.registry.NodeLeases;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's lease of a node ID from the store ({@link NodeLeases}): the node bits of every token row key it mints.
 * The lease runs for {@code ttl} in the database and is renewed every {@code ttl / 6}. The node itself trusts it
 * only for {@code ttl - ttl / 3} after the start of its last successful renewal, timed with the monotonic clock: when
 * renewals keep failing (the database is away), it stops minting ({@link #nodeId()} throws, the store is reported not
 * ready) a third of the ttl before another node could take the ID over. That margin also absorbs clock skew between
 * nodes (the database's expiry is in the holder's wall-clock time and the taker compares it with its own): nodes'
 * clocks must agree within {@code ttl / 3} (20 s by default). A node whose lease was taken over acquires another ID.
 */
public final class NodeLease implements NodeIdSource, AutoCloseable {
    /** How long a lease runs in the database unless configured: renewed every 10 s, trusted for 40 s. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** While no ID is held, acquisition is retried at least this often. */
    private static final long RETRY_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(NodeLease.class);

    private record Held(int nodeId, long trustedUntilNanos) {
    }

    private final NodeLeases leases;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Duration ttl;
    private final long renewMillis;
    private final String holder;
    private final ScheduledExecutorService scheduler;
    private volatile Held held;
    /** Whether the last renewal or acquisition failed, so that a long outage logs once, not every few seconds. */
    private boolean failing;
    /**
     * Set by {@link #close()}, under this object's lock like {@link #refresh()}: a refresh that acquired an ID while
     * close ran would otherwise leave its row leased until it expires.
     */
    private boolean closed;

    /**
     * Acquires an ID at once (so that a node that starts with its database up mints from its first request) and
     * keeps the lease renewed in the background. When no ID can be acquired now, the node starts without one, is not
     * ready, and retries every second.
     */
    public static NodeLease start(NodeLeases leases, Clock clock, Duration ttl) {
        NodeLease lease = new NodeLease(leases, clock, System::nanoTime, ttl, holderName());
        lease.refresh();
        lease.scheduleNext();
        return lease;
    }

    /** For tests: no background renewal; call {@link #refresh()} to renew. */
    static NodeLease manual(NodeLeases leases, Clock clock, LongSupplier nanoTime, Duration ttl, String holder) {
        return new NodeLease(leases, clock, nanoTime, ttl, holder, null);
    }

    private NodeLease(NodeLeases leases, Clock clock, LongSupplier nanoTime, Duration ttl, String holder) {
        this(leases, clock, nanoTime, ttl, holder, Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grantsmith-node-lease");
            thread.setDaemon(true);
            return thread;
        }));
    }

    private NodeLease(NodeLeases leases, Clock clock, LongSupplier nanoTime, Duration ttl, String holder,
            ScheduledExecutorService scheduler) {
        if (ttl.toMillis() < 6) {
            throw new IllegalArgumentException("the node lease ttl must be at least 6 ms");
        }
        this.leases = leases;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.ttl = ttl;
        this.renewMillis = ttl.toMillis() / 6;
        this.holder = holder;
        this.scheduler = scheduler;
    }

    /**
     * The leased node ID.
     *
     * @throws StoreException when this node holds no lease it may trust: it mints no token key until it holds one
     */
    @Override
    public int nodeId() {
        Held current = held;
        if (current == null) {
            throw new StoreException("this node holds no node ID lease (the database did not grant one): "
                    + "no token is minted until it does");
        }
        if (nanoTime.getAsLong() - current.trustedUntilNanos() >= 0) {
            throw new StoreException("this node's lease of node ID " + current.nodeId() + " could not be renewed in "
                    + "time: no token is minted until it is");
        }
        return current.nodeId();
    }

    /** Whether the node holds a lease it may mint with now (for the health check). */
    public boolean isValid() {
        Held current = held;
        return current != null && nanoTime.getAsLong() - current.trustedUntilNanos() < 0;
    }

    /** Who holds the lease, as the database's {@code node_leases.holder} shows it. */
    public String holder() {
        return holder;
    }

    /**
     * Renews the lease, or acquires one when none is held or it was taken over. Never throws: a failure is logged
     * and leaves the lease as it was (trusted until its time runs out). Returns whether an ID is held afterwards.
     * Does nothing once closed.
     */
    synchronized boolean refresh() {
        if (closed) {
            return false;
        }
        long startedNanos = nanoTime.getAsLong();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        long trustedUntil = startedNanos + ttl.toNanos() - ttl.toNanos() / 3;
        Held current = held;
        try {
            if (current != null && leases.renew(current.nodeId(), holder, expiresAt)) {
                held = new Held(current.nodeId(), trustedUntil);
                recovered(current.nodeId());
                return true;
            }
            if (current != null) {
                LOG.warn("Node ID {} was taken over by another node after this node's lease expired; acquiring "
                        + "another", current.nodeId());
                held = null;
            }
            OptionalInt acquired = leases.acquire(holder, now, expiresAt);
            if (acquired.isEmpty()) {
                failed("every node ID (" + NODE_IDS + ") is leased by a live node", null);
                return false;
            }
            held = new Held(acquired.getAsInt(), trustedUntil);
            LOG.info("Leased node ID {} as {} (ttl {})", acquired.getAsInt(), holder, ttl);
            failing = false;
            return true;
        } catch (StoreException e) {
            failed("renewing the node ID lease failed: " + e.getMessage(), e);
            return held != null;
        }
    }

    private void recovered(int nodeId) {
        if (failing) {
            LOG.info("Renewed the lease of node ID {} again", nodeId);
            failing = false;
        }
    }

    private void failed(String message, Exception e) {
        if (!failing) {
            LOG.error("{}; this node stops minting tokens when its lease runs out", message, e);
            failing = true;
        }
    }

    /**
     * When to try again after a refresh: in {@code ttl / 6} while the lease may be trusted, else every
     * {@value #RETRY_MILLIS} ms (or sooner with a shorter ttl), so that a node whose lease ran out during an outage
     * mints again within a second of the database's return, not up to {@code ttl / 6} later.
     */
    long nextAttemptMillis() {
        return isValid() ? renewMillis : Math.min(renewMillis, RETRY_MILLIS);
    }

    private void scheduleNext() {
        if (scheduler == null) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                refresh();
                scheduleNext();
            }, nextAttemptMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed meanwhile
        }
    }

    /** Stops renewing and gives the ID up, so that a node started next can take it at once. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        closed = true;
        Held current = held;
        held = null;
        if (current != null) {
            try {
                leases.release(current.nodeId(), holder);
            } catch (StoreException e) {
                LOG.warn("Releasing node ID {} failed; it becomes free when its lease expires", current.nodeId());
            }
        }
    }

    /**
     * Host, process and 32 random bits: unique per start, and telling the operator which node holds an ID. The host
     * is {@code HOSTNAME} from the environment (a DNS lookup of the local host could stall the start).
     */
    private static String holderName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "node";
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }
}
