package io.grantsmith.facade;

import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.registry.Housekeeping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired tokens, tickets, authorization codes and rotated refresh tokens, and retired signing keys whose publication has
 * ended, in the background. Each pass purges batch after
 * batch until one comes back short, so that it keeps pace with any issuance rate: tokens issued at 10k/s expire
 * at 10k/s, far more than any fixed number of batches per interval would delete. Each batch is one small write of
 * its own, so issuance writes queued meanwhile commit between two batches and wait for at most one of them.
 *
 * <p>Between batches the janitor rests so that it takes only a bounded share of the store's writer ({@link
 * WriterShare}): while the store is busy (other writes committed or queued within the last second) it rests nine times
 * as long as the batch took (at most a tenth of the writer: a backlog
 * of millions, as a store restarted after a long outage or a janitor stopped for hours carries, purged at
 * half the writer cost SQLite half its issuance, BENCHMARKS § Growth); once no other write has been seen for a second
 * it does not rest, and catches up at full speed. Its lag is bounded: rows expired more than {@link #MAX_LAG} ago are
 * purged first, at up to half of the writer (resting as long as each batch took), whatever the load, so that a store
 * issuing at the writer's limit for days still sheds them. While busy it also deletes at most {@link
 * WriterShare#ROWS_PER_WRITE} rows for each write of the others, when the store counts them: enough to keep pace
 * with expiry, and a backlog costs issuance in proportion to its own rate. Expired rows are never served meanwhile (every lookup checks
 * {@code expires_at}); a lagging janitor costs disk, not correctness.</p>
 */
final class Janitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);
    /**
     * Rows of each kind per batch (six kinds: access and refresh tokens, grants, tickets, authorization tickets and
     * codes). Measured on a loaded 2-core machine, a batch of 500 expired access and 500 refresh tokens took
     * 5-60 ms: short enough for the requests that wait behind it. Resting after each batch, a pass through a
     * backlog of millions purged 55-62k rows/s on SQLite and 11-22k rows/s on PostgreSQL there (BENCHMARKS
     * § Growth).
     */
    static final int BATCH = 500;
    /**
     * How far behind the janitor may fall: rows expired longer ago are purged at up to half of the writer, busy or
     * not. Long enough that a backlog of hours (a restart after an outage) is worked off without halving issuance,
     * short enough that the tables hold at most this long of expired rows beyond the live ones.
     */
    static final Duration MAX_LAG = Duration.ofHours(6);
    /**
     * How often a long pass goes back to the overdue rows: under sustained load a pass through recent rows may never
     * come back short, and rows keep crossing {@link #MAX_LAG} meanwhile; without a recheck they would wait for a pass
     * that never ends.
     */
    static final Duration OVERDUE_RECHECK = Duration.ofMinutes(1);

    private final Housekeeping housekeeping;
    private final ServiceKeyStore keys;
    private final Clock clock;
    private final int batch;
    private final Ticker ticker;
    private final WriterShare share = new WriterShare();
    private final ScheduledExecutorService scheduler;

    Janitor(Housekeeping housekeeping, ServiceKeyStore keys, Clock clock, Duration interval) {
        this(housekeeping, keys, clock, interval, BATCH);
    }

    Janitor(Housekeeping housekeeping, ServiceKeyStore keys, Clock clock, Duration interval, int batch) {
        this(housekeeping, keys, clock, interval, batch, Ticker.SYSTEM);
    }

    Janitor(Housekeeping housekeeping, ServiceKeyStore keys, Clock clock, Duration interval, int batch,
            Ticker ticker) {
        this.housekeeping = housekeeping;
        this.keys = keys;
        this.clock = clock;
        this.batch = batch;
        this.ticker = ticker;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grantsmith-janitor");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * One pass: first the rows expired more than {@link #MAX_LAG} ago, batch after batch until one comes back short;
     * then the others, until a batch comes back short (nothing more had expired when it ran) or the janitor is
     * closed, going back to the overdue rows every {@link #OVERDUE_RECHECK}. Returns the number of rows deleted.
     */
    int pass() {
        int total = 0;
        int batches = 0;
        boolean overdue = true;
        long overdueCheckedAt = ticker.nanoTime();
        try {
            share.startPass(housekeeping.writesByOthers());
            while (!Thread.currentThread().isInterrupted()) {
                long started = ticker.nanoTime();
                if (!overdue && started - overdueCheckedAt >= OVERDUE_RECHECK.toNanos()) {
                    overdue = true; // rows may have crossed the lag bound since: they go first again
                    overdueCheckedAt = started;
                }
                Instant now = clock.instant();
                int deleted = housekeeping.purgeExpired(overdue ? now.minus(MAX_LAG) : now, batch);
                total += deleted;
                batches++;
                // A batch deletes up to `batch` rows of each kind: fewer than `batch` in all means
                // every kind came back short.
                boolean full = deleted >= batch;
                if (!full && !overdue) {
                    break;
                }
                long ended = ticker.nanoTime();
                long rest = full ? share.restAfter(ended - started, ended, overdue, housekeeping.othersWriting(),
                        deleted, housekeeping.writesByOthers()) : 0;
                boolean paced = full && !overdue;
                overdue &= full; // the overdue rows are gone: on to the others, without a rest
                if (!rest(rest) || (paced && !awaitAllowance())) {
                    break;
                }
            }
            total += keys.purgeRetired(clock.instant(), BATCH); // a few per rotation: one batch is plenty
            if (total > 0) {
                LOG.debug("purged {} expired rows in {} batches", total, batches);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired rows failed; will retry at the next pass: {}", e.toString());
        }
        return total;
    }

    /**
     * While the store is busy, rests until the others' writes allow the rows deleted so far ({@link
     * WriterShare#ROWS_PER_WRITE} per write); returns false when the janitor was closed meanwhile.
     */
    private boolean awaitAllowance() {
        for (long owed = owed(); owed > 0; owed = owed()) {
            if (!rest(owed)) {
                return false;
            }
        }
        return true;
    }

    private long owed() {
        return share.restOwed(ticker.nanoTime(), housekeeping.othersWriting(), housekeeping.writesByOthers());
    }

    /** Sleeps {@code nanos}; returns false when the janitor was closed meanwhile. */
    private boolean rest(long nanos) {
        if (nanos <= 0) {
            return true;
        }
        try {
            ticker.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
