package io.grantsmith.facade;

import java.time.Duration;

/**
 * How long the janitor rests after each full batch, so that it takes a bounded share of the store's writer.
 *
 * <p>The store is busy while it has seen writes other than the janitor's within the last {@link #QUIET}: then the
 * janitor rests {@link #BUSY_REST_FACTOR} times as long as each batch took (at most a tenth of the writer). Asking
 * the store after each batch alone is not enough: a batch takes about 10 ms, so back-to-back batches between two
 * issuance commits can each see "no other writes" and run at full speed beside issuance (BENCHMARKS § Growth: with
 * that rule 87-99k rows/s were purged under load, where a tenth of the writer is 15-20k). Only once the store has
 * been quiet that long does the janitor stop resting and catch up at full speed. Overdue rows (past {@link
 * Janitor#MAX_LAG}) are purged at up to half of the writer, resting as long as each batch took, busy or not: SQLite
 * purges 150-200k rows/s at full speed, so half is still far above any issuance rate.</p>
 *
 * <p>Not thread-safe: the janitor's one thread owns it.</p>
 */
final class WriterShare {
    /** While the store is busy, the janitor rests this many times as long as each batch took. */
    static final int BUSY_REST_FACTOR = 9;
    /**
     * How long without other writes before the store counts as idle. Far longer than a busy batch plus its rest
     * (50-600 ms at 5-60 ms a batch), so that a steady stream of issuance is seen between any two of them; short
     * enough that an idle store is caught up on soon after the load stops.
     */
    static final Duration QUIET = Duration.ofSeconds(1);
    private static final long QUIET_NANOS = QUIET.toNanos();

    private boolean othersSeen;
    private long othersLastSeenNanos;

    /**
     * The rest after a full batch that took {@code batchNanos} and ended at {@code endedNanos} (on the janitor's
     * {@link Ticker}); {@code othersWriting} is what the store answered right after it.
     */
    long restAfter(long batchNanos, long endedNanos, boolean overdue, boolean othersWriting) {
        if (othersWriting) {
            othersSeen = true;
            othersLastSeenNanos = endedNanos;
        }
        if (overdue) {
            return batchNanos;
        }
        return busy(endedNanos) ? BUSY_REST_FACTOR * batchNanos : 0;
    }

    /** Whether other writes were seen within {@link #QUIET} before {@code nowNanos}. */
    boolean busy(long nowNanos) {
        return othersSeen && nowNanos - othersLastSeenNanos < QUIET_NANOS;
    }
}
