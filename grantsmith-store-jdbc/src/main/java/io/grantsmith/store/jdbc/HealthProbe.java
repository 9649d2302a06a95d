package io.grantsmith.store.jdbc;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the store can serve: the writer thread runs and a read connection answers {@code SELECT 1}. The
 * query's answer is kept for a second, so frequent health checks cost one query per second, not one each.
 */
final class HealthProbe {
    private static final long TTL_NANOS = 1_000_000_000L;
    private static final int QUERY_TIMEOUT_SECONDS = 1;

    private final BooleanSupplier writerAlive;
    private final ReadPool reads;
    private final LongSupplier nanoTime;
    private volatile Sample last;

    HealthProbe(BooleanSupplier writerAlive, ReadPool reads, LongSupplier nanoTime) {
        this.writerAlive = writerAlive;
        this.reads = reads;
        this.nanoTime = nanoTime;
    }

    boolean isHealthy() {
        // The writer check is a field read: never cached, so a closed store is unhealthy at once.
        return writerAlive.getAsBoolean() && readsAnswer();
    }

    private boolean readsAnswer() {
        Sample sample = last;
        if (sample != null && nanoTime.getAsLong() - sample.takenAt() < TTL_NANOS) {
            return sample.answered();
        }
        synchronized (this) {
            sample = last;
            if (sample == null || nanoTime.getAsLong() - sample.takenAt() >= TTL_NANOS) {
                boolean answered = reads.answers(QUERY_TIMEOUT_SECONDS);
                sample = new Sample(answered, nanoTime.getAsLong());
                last = sample;
            }
            return sample.answered();
        }
    }

    private record Sample(boolean answered, long takenAt) {
    }
}
