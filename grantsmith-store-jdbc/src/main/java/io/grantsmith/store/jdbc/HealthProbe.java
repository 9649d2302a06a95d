package io.grantsmith.store.jdbc;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the store can serve: the writer thread runs, is not held in a batch beyond the write timeout, and
 * commits, and a read connection answers {@code SELECT 1}. After the database failed a transaction the store is
 * not ready until one commits again; without traffic nothing would commit, so the probe then writes a small row
 * itself, at most once per second. The query's answer is kept for a second too, so frequent health checks cost at
 * most one query and one probe per second; the writer's own state is read afresh every time.
 */
final class HealthProbe {
    private static final long TTL_NANOS = 1_000_000_000L;
    private static final int QUERY_TIMEOUT_SECONDS = 1;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final StoreWriter writer;
    private final ReadPool reads;
    private final LongSupplier nanoTime;
    private final Object probeLock = new Object();
    private long lastProbeAt;
    private volatile Sample last;

    HealthProbe(StoreWriter writer, ReadPool reads, LongSupplier nanoTime) {
        this.writer = writer;
        this.reads = reads;
        this.nanoTime = nanoTime;
        this.lastProbeAt = nanoTime.getAsLong() - TTL_NANOS;
    }

    boolean isHealthy() {
        if (!writer.isAlive() || writer.isStalled()) {
            return false;
        }
        if (writer.isFailing() && !probeCommits()) {
            return false;
        }
        return readsAnswer();
    }

    /** Whether a probe write commits; false without trying when the last probe was less than a second ago. */
    private boolean probeCommits() {
        synchronized (probeLock) {
            long now = nanoTime.getAsLong();
            if (now - lastProbeAt < TTL_NANOS) {
                return false;
            }
            lastProbeAt = now;
        }
        return writer.probe(PROBE_TIMEOUT);
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
