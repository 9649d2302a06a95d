package io.grantsmith.store.jdbc;

import io.grantsmith.core.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of the database: one thread, one connection. Callers submit a {@link WriteOp} and block until
 * the transaction that contains it has committed, so an acknowledged write is durable. The thread takes the
 * first waiting write, drains up to {@code maxBatch - 1} more without waiting, runs them all in one transaction
 * and commits once: many requests share one fsync. If one write of the batch fails, the others are run again
 * together without it and it is retried alone, so one bad write fails only its own caller. If the transaction
 * itself fails (BEGIN or COMMIT: the lock is held elsewhere beyond the busy timeout, the disk is full), every
 * write of the batch fails at once: retrying each alone would make each pay the busy timeout again.
 */
final class GroupCommitWriter implements GroupCommitMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    /** How often blocked callers look whether the writer thread is still there. */
    private static final long LIVENESS_CHECK_MILLIS = 200;

    private final Connection connection;
    private final TransactionSql transactions;
    private final int maxBatch;
    private final WriteQueue<PendingWrite<?>> queue;
    private final PendingWrite<Void> stop = new PendingWrite<>("stop", context -> null);
    private final Context context = new Context();
    private final Thread thread;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong batchesCommitted = new AtomicLong();
    private final AtomicLong opsCommitted = new AtomicLong();
    private final AtomicLong opsFailed = new AtomicLong();

    private GroupCommitWriter(Connection connection, TransactionSql transactions, int maxBatch, int queueCapacity) {
        this.connection = connection;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.queue = new WriteQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "grantsmith-sqlite-writer");
        // A forgotten close() must not keep the JVM alive; unacknowledged writes are not promised anyway.
        thread.setDaemon(true);
    }

    /** Starts the writer thread on {@code connection}, which it owns from now on and closes in {@link #close}. */
    static GroupCommitWriter start(Connection connection, TransactionSql transactions, int maxBatch,
            int queueCapacity) {
        GroupCommitWriter writer = new GroupCommitWriter(connection, transactions, maxBatch, queueCapacity);
        writer.thread.start();
        return writer;
    }

    /**
     * Runs {@code op} in the next group transaction and returns its result once that transaction has committed.
     * Blocks while the queue is full (backpressure) and while the transaction runs.
     *
     * @param name names the operation in errors and logs; must not contain values
     */
    <T> T submit(String name, WriteOp<T> op) {
        if (closing.get()) {
            throw closed(name);
        }
        PendingWrite<T> write = new PendingWrite<>(name, op);
        enqueue(write);
        return await(write);
    }

    boolean isAlive() {
        return thread.isAlive() && !closing.get();
    }

    @Override
    public long batchesCommitted() {
        return batchesCommitted.get();
    }

    @Override
    public long opsCommitted() {
        return opsCommitted.get();
    }

    @Override
    public long opsFailed() {
        return opsFailed.get();
    }

    @Override
    public int queueDepth() {
        return queue.size();
    }

    /** Commits every write queued before this call, stops the thread and closes the connection. Idempotent. */
    void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        // Shutdown often runs on an interrupted thread; the stop marker must be queued all the same, or the writer
        // would wait for work forever and join() with it.
        boolean interrupted = Thread.interrupted();
        // The stop marker queues behind every write accepted so far, so those are all committed first.
        while (thread.isAlive()) {
            try {
                if (queue.offer(stop, LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
                // the queue is full: the writer is draining it
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // Writes that raced with close() and landed behind the stop marker.
        for (PendingWrite<?> straggler = queue.poll(); straggler != null; straggler = queue.poll()) {
            straggler.fail(closed(straggler.name));
        }
        context.closeStatements();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the SQLite writer connection failed", e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- calling threads ----------------------------------------------------------------------------------

    private void enqueue(PendingWrite<?> write) {
        try {
            while (!queue.offer(write, LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                if (!isAlive()) {
                    throw closed(write.name);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(write.name + " was interrupted before it was queued", e);
        }
        // close() may have swept the queue just before this write arrived; take it back if nobody else has.
        if (closing.get() && queue.remove(write)) {
            throw closed(write.name);
        }
    }

    private <T> T await(PendingWrite<T> write) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return write.done.get(LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!thread.isAlive()) {
                        // Nobody will run it any more: queued or not, fail it unless its outcome is already set.
                        queue.remove(write);
                        write.fail(closed(write.name));
                    }
                } catch (InterruptedException e) {
                    // The write may be in the open transaction already; its outcome is known within milliseconds,
                    // and reporting it truthfully is worth more than returning early.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new StoreException(cause.getMessage(), cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static StoreException closed(String name) {
        return new StoreException(name + " failed: the store is closed");
    }

    // ---- the writer thread --------------------------------------------------------------------------------

    private void run() {
        List<PendingWrite<?>> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            batch.add(takeFirst());
            // No linger: while one batch commits, the next one gathers in the queue. Waiting 200-1000 us for
            // more writes was measured to cost 10-50 % throughput at 16 and 64 submitters without a better p99.
            queue.drainTo(batch, maxBatch - 1);
            stopping = closing.get() && batch.remove(stop);
            try {
                if (!batch.isEmpty()) {
                    execute(batch);
                }
            } catch (RuntimeException unexpected) {
                // execute() handles the writes' own failures; anything else fails this batch, not the thread.
                LOG.error("The writer failed a batch of {} writes unexpectedly", batch.size(), unexpected);
                abandon(batch, unexpected);
            } catch (Error fatal) {
                // An Error ends the thread, but not its callers, and must not leave the write lock held.
                abandon(batch, fatal);
                throw fatal;
            }
            batch.clear();
        }
    }

    /** Nobody should interrupt the writer (close() stops it through the queue), so the queue ignores it. */
    private PendingWrite<?> takeFirst() {
        return queue.take();
    }

    private void execute(List<PendingWrite<?>> writes) {
        BatchFailure failure = runInOneTransaction(writes);
        if (failure == null) {
            batchesCommitted.incrementAndGet();
            opsCommitted.addAndGet(writes.size());
            writes.forEach(PendingWrite::complete);
        } else if (writes.size() == 1) {
            fail(writes.get(0), failure.cause());
        } else if (failure.failedWrite() < 0) {
            LOG.warn("A group transaction of {} writes failed: {}", writes.size(), failure.cause().toString());
            writes.forEach(write -> fail(write, failure.cause()));
        } else {
            PendingWrite<?> failed = writes.get(failure.failedWrite());
            List<PendingWrite<?>> others = new ArrayList<>(writes);
            others.remove(failure.failedWrite());
            LOG.warn("Write {} failed in a group transaction of {} ({}); the others run again without it",
                    failed.name, writes.size(), failure.cause().toString());
            execute(others);
            // once more alone, in case its failure was not its own doing
            execute(List.of(failed));
        }
    }

    private void fail(PendingWrite<?> write, Exception cause) {
        // One line per failed write: a full disk fails a whole batch, and 256 stack traces would bury it.
        opsFailed.incrementAndGet();
        LOG.warn("Write {} failed: {}", write.name, cause.toString());
        LOG.debug("Write {} failed", write.name, cause);
        write.fail(cause);
    }

    /** Runs the writes in one transaction; null when it committed, else what failed and where. */
    private BatchFailure runInOneTransaction(List<PendingWrite<?>> writes) {
        int running = -1;
        try {
            context.execute(transactions.begin());
            for (running = 0; running < writes.size(); running++) {
                writes.get(running).run(context);
            }
            running = -1;
            context.execute(transactions.commit());
            return null;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            return new BatchFailure(running, e);
        }
    }

    private void abandon(List<PendingWrite<?>> batch, Throwable cause) {
        batch.forEach(write -> write.fail(cause)); // a no-op for writes already completed
        rollbackQuietly();
    }

    private void rollbackQuietly() {
        try {
            context.execute(transactions.rollback());
        } catch (SQLException | RuntimeException rollbackFailure) {
            // SQLite has already rolled back by itself after some errors (e.g. a full disk), or none was open
            LOG.debug("Rollback after a failed group transaction failed", rollbackFailure);
        }
    }

    /**
     * Why a group transaction did not commit.
     *
     * @param failedWrite the index of the write that failed, or -1 when the transaction itself (BEGIN, COMMIT)
     *                    failed
     */
    private record BatchFailure(int failedWrite, Exception cause) {
    }

    /** One submitted write: the operation, its result until the commit, and the caller's future. */
    private static final class PendingWrite<T> {
        final String name;
        final WriteOp<T> op;
        final CompletableFuture<T> done = new CompletableFuture<>();
        private T result;

        PendingWrite(String name, WriteOp<T> op) {
            this.name = name;
            this.op = op;
        }

        void run(WriteContext context) throws SQLException {
            result = op.run(context);
        }

        void complete() {
            done.complete(result);
        }

        void fail(Throwable cause) {
            done.completeExceptionally(cause instanceof StoreException
                    ? cause : new StoreException(name + " failed", cause));
        }
    }

    /** The writer connection's statements, prepared once. Used by the writer thread only. */
    private final class Context implements WriteContext {
        private final Map<String, PreparedStatement> statements = new HashMap<>();
        private final OpSavepoint savepoint = new OpSavepoint() {
            @Override
            public void rollback() throws SQLException {
                execute("ROLLBACK TO SAVEPOINT op");
            }

            @Override
            public void close() throws SQLException {
                execute("RELEASE SAVEPOINT op");
            }
        };

        @Override
        public int update(String sql, Params params) throws SQLException {
            return Statements.update(prepared(sql), params);
        }

        @Override
        public <T> Optional<T> first(String sql, Params params, RowReader<T> reader) throws SQLException {
            return Statements.first(prepared(sql), params, reader);
        }

        @Override
        public <T> List<T> all(String sql, Params params, RowReader<T> reader) throws SQLException {
            return Statements.all(prepared(sql), params, reader);
        }

        @Override
        public OpSavepoint savepoint() throws SQLException {
            execute("SAVEPOINT op"); // operations never nest, so one name serves all
            return savepoint;
        }

        void execute(String sql) throws SQLException {
            prepared(sql).executeUpdate();
        }

        private PreparedStatement prepared(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        void closeStatements() {
            for (PreparedStatement statement : statements.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    LOG.debug("Closing a writer statement failed", e);
                }
            }
            statements.clear();
        }
    }
}
