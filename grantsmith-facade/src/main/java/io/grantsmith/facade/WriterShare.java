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
 * <p>While busy, the janitor is also held to {@link #ROWS_PER_WRITE} rows for each write of the others (when the
 * store counts them, {@link io.grantsmith.registry.Housekeeping#writesByOthers}): a tenth of the writer was still
 * 7-9 rows purged per token issued on a loaded 2-core machine (29k rows/s beside 3-4k tokens/s, BENCHMARKS § Growth),
 * far more than keeping pace needs. Every row the others write expires once, and a write adds at most three (an
 * access token, a refresh token and their grant), so four per write keeps pace with expiry and works a backlog off
 * at a rate that follows the load; the lag bound ({@link Janitor#MAX_LAG}) stays the backstop. After a rest, a
 * janitor ahead of that allowance keeps resting, in steps of the same length, until the others' writes have caught
 * up or the store has gone quiet. Deletions while idle or of overdue rows are not held against it.</p>
 *
 * <p>Not thread-safe: the janitor's one thread owns it.</p>
 */
final class WriterShare {
    /** While the store is busy, the janitor rests this many times as long as each batch took. */
    static final int BUSY_REST_FACTOR = 9;
    /** While the store is busy, the janitor deletes at most this many rows for each write of the others. */
    static final int ROWS_PER_WRITE = 4;
    /**
     * How long without other writes before the store counts as idle. Far longer than a busy batch plus its rest
     * (50-600 ms at 5-60 ms a batch), so that a steady stream of issuance is seen between any two of them; short
     * enough that an idle store is caught up on soon after the load stops.
     */
    static final Duration QUIET = Duration.ofSeconds(1);
    private static final long QUIET_NANOS = QUIET.toNanos();

    private boolean othersSeen;
    private long othersLastSeenNanos;
    /** The others' running count of writes at the last look; -1 before the first look or when the store cannot tell. */
    private long othersCount = -1;
    /**
     * Rows the janitor may still delete while busy: {@link #ROWS_PER_WRITE} for each write of the others seen while
     * busy this pass, less the rows it deleted while busy. Negative: it is ahead of the others and waits for them.
     */
    private long allowance;
    /** The last busy rest, the step in which a janitor ahead of its allowance keeps resting. */
    private long busyRestNanos;

    /** A pass starts: no allowance is carried over, and the others' writes are counted from {@code othersWritten}. */
    void startPass(long othersWritten) {
        othersCount = othersWritten;
        allowance = 0;
    }

    /** {@link #restAfter(long, long, boolean, boolean, int, long)} for a store that cannot count the others' writes. */
    long restAfter(long batchNanos, long endedNanos, boolean overdue, boolean othersWriting) {
        return restAfter(batchNanos, endedNanos, overdue, othersWriting, 0, -1);
    }

    /**
     * The rest after a full batch that took {@code batchNanos}, ended at {@code endedNanos} (on the janitor's
     * {@link Ticker}) and deleted {@code deleted} rows; {@code othersWriting} and {@code othersWritten} are what the
     * store answered right after it.
     */
    long restAfter(long batchNanos, long endedNanos, boolean overdue, boolean othersWriting, int deleted,
            long othersWritten) {
        look(endedNanos, othersWriting, othersWritten);
        if (overdue) {
            return batchNanos;
        }
        if (!busy(endedNanos)) {
            allowance = 0; // the janitor may catch up at full speed: nothing to hold against it later
            return 0;
        }
        allowance -= deleted;
        busyRestNanos = BUSY_REST_FACTOR * batchNanos;
        return busyRestNanos;
    }

    /**
     * After a busy rest, at {@code nowNanos}: how much longer to rest before the next batch. Zero once the others'
     * writes allow the rows deleted so far, or when the store is idle or cannot count them; else another step.
     */
    long restOwed(long nowNanos, boolean othersWriting, long othersWritten) {
        look(nowNanos, othersWriting, othersWritten);
        if (othersCount < 0 || allowance >= 0 || !busy(nowNanos)) {
            return 0;
        }
        return Math.max(1, busyRestNanos);
    }

    /** Whether other writes were seen within {@link #QUIET} before {@code nowNanos}. */
    boolean busy(long nowNanos) {
        return othersSeen && nowNanos - othersLastSeenNanos < QUIET_NANOS;
    }

    private void look(long nowNanos, boolean othersWriting, long othersWritten) {
        if (othersWriting) {
            othersSeen = true;
            othersLastSeenNanos = nowNanos;
        }
        if (othersWritten < 0) {
            othersCount = -1;
            return;
        }
        if (othersCount >= 0 && busy(nowNanos)) {
            allowance += ROWS_PER_WRITE * Math.max(0, othersWritten - othersCount);
        }
        othersCount = othersWritten;
    }
}
