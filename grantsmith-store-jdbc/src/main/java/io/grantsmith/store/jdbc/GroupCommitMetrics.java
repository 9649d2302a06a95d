package io.grantsmith.store.jdbc;

/** Live counters of the group-commit writer, for gauges and tests. */
public interface GroupCommitMetrics {
    /** Transactions committed so far (a batch retried op by op counts once per op). */
    long batchesCommitted();

    /** Writes committed so far; {@code opsCommitted / batchesCommitted} is the mean batch size. */
    long opsCommitted();

    /** Writes that failed with an error (not counting expected outcomes such as a duplicate). */
    long opsFailed();

    /**
     * Writes whose callers stopped waiting at the write timeout: withdrawn before they ran, or (rarely) still running
     * and perhaps committed later.
     */
    long opsTimedOut();

    /** Writes waiting for the writer right now. */
    int queueDepth();
}
