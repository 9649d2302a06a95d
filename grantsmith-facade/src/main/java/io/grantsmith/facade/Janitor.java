package io.grantsmith.facade;

import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.registry.Housekeeping;
import java.time.Clock;
import java.time.Duration;
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
 * its own, so issuance writes queued meanwhile commit between two batches and wait for at most one of them; after
 * each batch the janitor rests as long as it took, so that a pass through a huge backlog takes at most half of the
 * store's write time.
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

    private final Housekeeping housekeeping;
    private final ServiceKeyStore keys;
    private final Clock clock;
    private final int batch;
    private final ScheduledExecutorService scheduler;

    Janitor(Housekeeping housekeeping, ServiceKeyStore keys, Clock clock, Duration interval) {
        this(housekeeping, keys, clock, interval, BATCH);
    }

    Janitor(Housekeeping housekeeping, ServiceKeyStore keys, Clock clock, Duration interval, int batch) {
        this.housekeeping = housekeeping;
        this.keys = keys;
        this.clock = clock;
        this.batch = batch;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grantsmith-janitor");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * One pass: purges batches until a batch comes back short (nothing more had expired when it ran) or the
     * janitor is closed. Returns the number of rows deleted.
     */
    int pass() {
        int total = 0;
        int batches = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                int deleted = housekeeping.purgeExpired(clock.instant(), batch);
                total += deleted;
                batches++;
                // A batch deletes up to `batch` rows of each kind: fewer than `batch` in all means
                // every kind came back short.
                if (deleted < batch || !rest(System.nanoTime() - started)) {
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
     * Waits as long as the last batch took, so that a long pass takes at most half of the store's write time (on
     * SQLite a batch holds the single writer; on PostgreSQL it takes a connection and the server's CPU): issuance
     * keeps the other half while ten million rows are purged, and the purge still runs at half its full speed
     * (measured on SQLite: 150-200k rows/s at full speed, far above any issuance rate). Returns false when the
     * janitor was closed meanwhile.
     */
    private static boolean rest(long batchNanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(batchNanos);
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
