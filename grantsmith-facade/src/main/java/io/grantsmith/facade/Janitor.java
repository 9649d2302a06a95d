package io.grantsmith.facade;

import io.grantsmith.core.spi.Housekeeping;
import io.grantsmith.core.spi.ServiceKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired tokens, tickets and rotated refresh tokens, and retired signing keys whose publication has
 * ended, in the background, in small batches so that the store's writer is never held for long, until a pass
 * finds nothing more to delete.
 */
final class Janitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);
    static final int BATCH = 1_000;
    /** Bounds one pass, so that a huge backlog is worked off over several passes instead of in one burst. */
    static final int MAX_BATCHES_PER_PASS = 100;

    private final Housekeeping housekeeping;
    private final ServiceKeyStore keys;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    Janitor(Housekeeping housekeeping, ServiceKeyStore keys, Clock clock, Duration interval) {
        this.housekeeping = housekeeping;
        this.keys = keys;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grantsmith-janitor");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One pass: purges batches until a batch comes back short. Returns the number of rows deleted. */
    int pass() {
        int total = 0;
        try {
            for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
                int deleted = housekeeping.purgeExpired(clock.instant(), BATCH);
                total += deleted;
                if (deleted < BATCH) {
                    break;
                }
            }
            total += keys.purgeRetired(clock.instant(), BATCH); // a few per rotation: one batch is plenty
            if (total > 0) {
                LOG.debug("purged {} expired rows", total);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired rows failed; will retry at the next pass", e);
        }
        return total;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
