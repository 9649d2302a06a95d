package io.grantsmith.store.jdbc;

import io.grantsmith.core.spi.StoreException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where every write of the JDBC stores goes: the seam between the stores' SQL and how a database takes writes.
 * {@link GroupCommitWriter} batches the writes of many requests into one transaction on its single connection
 * (always on SQLite; on PostgreSQL with {@code PostgresSettings.Writer.GROUP}); {@link PooledWriter} runs each write in
 * its own PostgreSQL transaction on a pooled connection. Either
 * way {@link #submit} returns only once the write has committed (or has definitely failed), so an acknowledged write
 * is durable, and a caller never waits past its deadline.
 *
 * <p>A {@link WriteOp} sees only a {@link WriteContext}: it cannot tell the two apart, and it must be a pure function
 * of its inputs and the database, because either writer may run it again after a transient failure.
 */
interface StoreWriter extends GroupCommitMetrics {
    /**
     * How often a write runs at most, in all, when the database rolls it back for a conflict with another
     * transaction (PostgreSQL: a serialization failure or a deadlock, {@link Dialect#isRetryable}).
     */
    int ATTEMPTS = 3;

    /**
     * Runs {@code op} in a transaction and returns its result once that transaction has committed, waiting at most
     * the writer's write timeout.
     *
     * @param name names the operation in errors and logs; must not contain values
     * @throws io.grantsmith.core.spi.StoreException when the write failed, or did not commit in time
     */
    <T> T submit(String name, WriteOp<T> op);

    /** As {@link #submit(String, WriteOp)}, waiting at most {@code timeout}. */
    <T> T submit(String name, WriteOp<T> op, Duration timeout);

    /**
     * As {@link #submit(String, WriteOp)}, without waiting: the stage completes with the result once the transaction
     * has committed, or fails with a {@link StoreException} when the write failed or did not commit within the write
     * timeout. {@link GroupCommitWriter} completes it on its completion thread (never on the writer thread), so
     * dependent actions run there and must be short (no blocking, no signing): they hold up the answers behind them,
     * though not the next commit. By default the write runs on the calling thread, as {@link #submit} does.
     */
    default <T> CompletionStage<T> submitAsync(String name, WriteOp<T> op) {
        try {
            return CompletableFuture.completedFuture(submit(name, op));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether the writer takes writes at all (it is not closed and, for a thread, still runs). */
    boolean isAlive();

    /** Whether a running write has taken longer than callers may wait: the disk or a lock holds the writer. */
    boolean isStalled();

    /** Whether the database failed the last transaction, and none has committed since. */
    boolean isFailing();

    /**
     * Writes one small row and reports whether it committed within {@code timeout}: after a failure, whether the
     * database takes writes again. A commit ends the failing state.
     */
    default boolean probe(Duration timeout) {
        try {
            submit("healthProbe", context -> context.update(SettingsSql.PUT, ProbeRow.PARAMS), timeout);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /** The settings row the health probe rewrites. */
    final class ProbeRow {
        static final Params PARAMS = Params.of().text("store.writer.probe").text("written by the health probe");

        private ProbeRow() {
        }
    }

    /** Finishes or fails every write already submitted and releases the writer's connections. Idempotent. */
    void close();
}
