package io.grantsmith.store.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * When a group writer holds its batch back for more writes before it sends it ("lingers"), for the
 * {@link GroupCommitWriter}'s several writers on PostgreSQL. Without it, a writer that wakes while another writer's
 * batch is in flight takes the one or two writes that arrived since and commits them at once: with two writers under
 * load most transactions are tiny, and PostgreSQL's CPU per token is mostly per-commit cost. Lingering, it waits for
 * the first of: the batches in flight have all ended (its batch is then the one in flight, and the writes arriving
 * meanwhile gather for the next), enough writes are queued to fill its batch, or the bound ({@value #PROPERTY},
 * default {@value #DEFAULT_MICROS} µs) has passed, so that a slow commit never holds the next batch longer.
 *
 * <p>It never lingers with one writer (SQLite's, or {@code --db-group-writers 1}: measured to cost throughput there,
 * docs/BENCHMARKS.md, "Answering from the commit"), nor when no other batch is in flight (nothing would end the wait
 * but the bound), nor with a full batch. At most one writer lingers at a time; another that wakes meanwhile sends
 * what it took at once, as without a linger.
 */
final class BatchLinger {
    /** The JVM system property that bounds the linger, in microseconds; 0 turns it off. */
    static final String PROPERTY = "grantsmith.writer.lingerMicros";
    static final long DEFAULT_MICROS = 1000;

    private final long boundNanos;
    private final int writers;
    private final int fullBatch;
    /** Batches being run now, by any writer; a lingering writer's own is not one yet. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The writer lingering now, or null. */
    private final AtomicReference<Thread> lingering = new AtomicReference<>();
    /** How many queued writes would fill the lingering writer's batch (meaningless while nobody lingers). */
    private volatile int wanted = Integer.MAX_VALUE;

    BatchLinger(Duration bound, int writers, int fullBatch) {
        if (bound.isNegative() || writers < 1 || fullBatch < 1) {
            throw new IllegalArgumentException("a bound of 0 or more, 1 or more writers, batches of 1 or more");
        }
        this.boundNanos = bound.toNanos();
        this.writers = writers;
        this.fullBatch = fullBatch;
    }

    /**
     * The bound set by {@value #PROPERTY}, or the default.
     *
     * @throws IllegalArgumentException when it is not a whole number of microseconds, 0 or more
     */
    static Duration configuredBound() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Duration.ofNanos(DEFAULT_MICROS * 1000);
        }
        long micros;
        try {
            micros = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            micros = -1;
        }
        if (micros < 0) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number of microseconds, 0 or more"
                    + " (0 turns the linger off), not '" + value + "'");
        }
        return Duration.ofNanos(Math.multiplyExact(micros, 1000));
    }

    /**
     * The decision: whether a writer holding {@code batchSize} writes waits for more, while {@code othersInFlight}
     * batches of other writers are being run.
     */
    static boolean worthWaiting(int writers, int batchSize, int fullBatch, int othersInFlight) {
        return writers > 1 && othersInFlight > 0 && batchSize < fullBatch;
    }

    /** A writer starts running a batch. */
    void batchStarted() {
        inFlight.incrementAndGet();
    }

    /** A writer's batch ended (committed or failed): a lingering writer sends its own now. */
    void batchEnded() {
        inFlight.decrementAndGet();
        Thread waiting = lingering.get();
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /** A write was queued in {@code queue}: a lingering writer whose batch the queued writes would fill sends it now. */
    void queued(WriteQueue<?> queue) {
        Thread waiting = lingering.get();
        if (waiting != null && queue.count() >= wanted) {
            LockSupport.unpark(waiting);
        }
    }

    /** Whether a writer lingers now (for tests). */
    boolean isLingering() {
        return lingering.get() != null;
    }

    /**
     * Before the calling writer runs {@code batch}: while it is worth waiting, waits and moves the writes queued
     * meanwhile into the batch (up to a full one). Returns at once when it is not worth it, or another writer lingers.
     */
    <E> void gather(List<E> batch, WriteQueue<E> queue) {
        if (boundNanos == 0 || !worthWaiting(writers, batch.size(), fullBatch, inFlight.get())) {
            return;
        }
        Thread self = Thread.currentThread();
        if (!lingering.compareAndSet(null, self)) {
            return;
        }
        try {
            long deadline = System.nanoTime() + boundNanos;
            while (true) {
                queue.drainTo(batch, fullBatch - batch.size());
                // Announced before the last look: a write queued or a batch ended from now on unparks this thread,
                // or this look sees it (wanted and the queue's count, lingering and inFlight are volatile).
                wanted = fullBatch - batch.size();
                if (!worthWaiting(writers, batch.size(), fullBatch, inFlight.get())) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                if (queue.count() < wanted) {
                    LockSupport.parkNanos(this, left);
                }
            }
        } finally {
            wanted = Integer.MAX_VALUE;
            lingering.set(null);
        }
    }
}
