package io.grantsmith.store.jdbc;

import io.grantsmith.core.async.BatchCompleter;
import io.grantsmith.core.log.RepeatedFailures;
import io.grantsmith.core.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's writer of the database: one writer thread on one connection (SQLite), or several, each on a connection
 * of its own, draining one queue (PostgreSQL). Callers submit a {@link WriteOp} and block until
 * the transaction that contains it has committed, so an acknowledged write is durable. A writer thread takes the
 * first waiting write, drains up to {@code maxBatch - 1} more without waiting, runs them all in one transaction
 * and commits once: many requests share one fsync. If one write of the batch fails, the others are run again
 * together without it and it is retried alone, so one bad write fails only its own caller.
 *
 * <p>If the database itself fails (BEGIN or COMMIT fails: the lock is held elsewhere beyond the busy timeout, the
 * disk is full; or a statement fails with an I/O error or a full disk), every write of the batch fails at once:
 * retrying each alone would make each pay the busy timeout again. The writer then rebuilds its connection (the
 * driver closes a statement after most errors, and SQLite may leave the failed transaction open), so that it
 * recovers by itself once the cause is gone, and it reports itself not ready until a transaction commits again.
 *
 * <p>A caller waits at most {@code writeTimeout}. A write that is still queued by then is withdrawn and never
 * runs; one that the writer has already taken may still commit after its caller was told it failed.
 *
 * <p>On PostgreSQL (where several nodes write one database) the writer's connection is one of the pool's, taken through
 * the {@link ConnectionGate}, and the transaction runs in READ COMMITTED: every once-only change is one conditional
 * statement, as with {@link PooledWriter}, so nodes need no coordination beyond the row locks, which a batch holds
 * until its commit (another node's write of the same row waits at most for that commit). A write that the database
 * rolls back for a conflict (a deadlock between two nodes' batches, which PostgreSQL finds after its
 * {@code deadlock_timeout}, or a serialization failure) fails its batch like any failed write: the batch rolls back
 * whole, which releases every lock it held and so breaks the cycle (rolling back to a savepoint would keep the
 * earlier writes' locks), the others run again without it, and it runs again alone, at most
 * {@value StoreWriter#ATTEMPTS} times in all. A lost connection fails the whole batch, which the writer then
 * evicts from the pool; the next batch takes a new one (refused at once while the gate is closed). While the gate
 * is closed a write is refused before it is queued, and when it closes the writes queued at that moment fail at
 * once: across a silent partition every writer may be held by a batch on a dead socket until the socket timeout,
 * and writes queued behind them would each wait their whole write timeout.
 *
 * <p>{@link #submitAsync} queues the same way but returns at once, and {@link WriteDeadlines} fails it at the write
 * timeout with the same withdraw-or-report rule. Its stage is not completed by a writer thread: right after a
 * transaction, the writer hands the outcomes of all its asynchronous writes at once to a {@link BatchCompleter} (one
 * hand-off per transaction) and goes on to the next batch; the completion thread completes the stages, so what depends
 * on them (the token path's steps after the commit, a token endpoint's answer) runs there, while the next batch
 * commits. Blocking writes are completed by the writer itself: their callers wait, and nothing runs on.
 *
 * <p>On PostgreSQL a round trip to the server, not the commit, is what a write costs the writer, so three things cut
 * them down. Several writer threads, each with its own connection, drain the one queue: while one waits for the
 * server, another builds and sends its batch (or, when it holds only a few writes, first waits for more until that
 * batch ends: {@link BatchLinger}). The batch's {@link SingleUpdate}s of one SQL text go to the server
 * together: the plain access-token INSERTs ({@code saveAccess}) as one statement that inserts all their rows
 * ({@link ArrayInsert}), other SingleUpdates ({@code deleteAccessToken}) as one JDBC batch (the code and refresh
 * grants' writes are several statements each and run one by one). And a batch that is one statement (a lone
 * SingleUpdate, or nothing but access-token INSERTs, as under {@code client_credentials} load) runs in auto-commit,
 * a transaction of its own that the server commits before it answers: a batch of N issued tokens costs one round
 * trip, where BEGIN, the INSERTs and COMMIT cost three (and N + 2 before the JDBC batches). Each write still gets
 * its own result: the driver reports each statement's update count, and the array INSERT returns the rows that went
 * in. When a JDBC batch or an array INSERT fails, the driver does not say at which row, so the same
 * writes run again one at a time, which finds the failed one as above. A
 * writer's connection goes back to the pool after {@link ConnectionSource#maxHoldNanos()}, so that the pool's
 * maximum lifetime retires it like any other; that is checked when the writer's next batch starts, so a writer that
 * gets no writes keeps its idle connection until then.
 */
final class GroupCommitWriter implements StoreWriter {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    /** How often blocked callers look whether the writer threads are still there. */
    private static final long LIVENESS_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ConnectionSource connections;
    private final TransactionSql transactions;
    private final Dialect dialect;
    private final int maxBatch;
    private final Duration writeTimeout;
    private final long writeTimeoutNanos;
    private final WriteQueue<PendingWrite<?>> queue;
    /** Queued once by close(): the writer that takes it stops and queues it again for the next. */
    private final PendingWrite<Void> stop = new PendingWrite<>("stop", context -> null, Duration.ZERO, false);
    private final List<Worker> workers;
    /** Whether a writer holds its batch back for more writes while another's is in flight (several writers only). */
    private final BatchLinger linger;
    /** Writers that have not taken the stop marker yet. */
    private final AtomicInteger running;
    /** Completes the stages of asynchronous writes, off the writer threads. */
    private final BatchCompleter completions;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong batchesCommitted = new AtomicLong();
    private final AtomicLong opsCommitted = new AtomicLong();
    private final AtomicLong opsFailed = new AtomicLong();
    private final AtomicLong opsTimedOut = new AtomicLong();
    private final RepeatedFailures failures = RepeatedFailures.perMinute();
    private final WriteDeadlines<PendingWrite<?>> deadlines;
    /** After this long without a transaction, the connection is checked before the next ({@link ConnectionSource#isUsable}). */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The database failed a transaction, and none that started after that failure has committed since. */
    private volatile boolean failing;
    /** Numbers the transactions in the order they start, across the writers. */
    private final AtomicLong transactionsStarted = new AtomicLong();
    /**
     * The number of the last transaction started when the database last failed one: only a commit of a later one
     * shows that the database takes writes again (another writer's commit that began earlier shows nothing).
     * Guarded by {@link #health}.
     */
    private long startedBeforeLastFailure;
    private final Object health = new Object();
    /** Writes failed by the database since it began failing. */
    private final AtomicLong failedWhileFailing = new AtomicLong();
    /**
     * Set once the driver answered a JDBC batch without each statement's update count (pgjdbc's
     * {@code reWriteBatchedInserts=true} in the URL does that): from then on the writes that would go as a JDBC batch
     * run one by one (array INSERTs, which the driver leaves alone, are not affected).
     */
    private volatile boolean batchesHideCounts;

    private GroupCommitWriter(Connection first, ConnectionSource connections, TransactionSql transactions,
            Dialect dialect, int maxBatch, int queueCapacity, Duration writeTimeout, int writerCount, Duration linger) {
        if (writerCount < 1 || (first != null && writerCount > 1)) {
            throw new IllegalArgumentException("one writer on a connection of its own, or 1 or more on a source");
        }
        this.connections = connections;
        this.transactions = transactions;
        this.dialect = dialect;
        this.maxBatch = maxBatch;
        this.writeTimeout = writeTimeout;
        this.writeTimeoutNanos = writeTimeout.toNanos();
        this.queue = new WriteQueue<>(queueCapacity);
        String database = dialect.name().toLowerCase(Locale.ROOT);
        this.deadlines = new WriteDeadlines<>("grantsmith-" + database + "-write-deadlines",
                PendingWrite::isSettled, this::expire);
        List<Worker> threads = new ArrayList<>(writerCount);
        for (int i = 0; i < writerCount; i++) {
            String name = "grantsmith-" + database + "-writer" + (writerCount == 1 ? "" : "-" + (i + 1));
            threads.add(new Worker(i == 0 ? first : null, name));
        }
        this.workers = List.copyOf(threads);
        this.linger = new BatchLinger(linger, writerCount, maxBatch);
        this.running = new AtomicInteger(writerCount);
        this.completions = new BatchCompleter("grantsmith-" + database + "-completions");
    }

    /**
     * Starts a single writer thread on {@code first} (or, when null, on a connection from {@code connections} at its
     * first batch), which it owns from now on; after the database failed under it, it replaces the connection with one
     * from {@code connections}. Callers wait at most {@code writeTimeout}.
     */
    static GroupCommitWriter start(Connection first, ConnectionSource connections, TransactionSql transactions,
            Dialect dialect, int maxBatch, int queueCapacity, Duration writeTimeout) {
        return start(first, connections, transactions, dialect, maxBatch, queueCapacity, writeTimeout, 1,
                Duration.ZERO);
    }

    /**
     * As above with {@code writerCount} writer threads, each on a connection of its own from {@code connections}
     * ({@code first} must then be null), draining one queue; with several, a writer lingers up to
     * {@link BatchLinger#configuredBound()} while another's batch is in flight.
     */
    static GroupCommitWriter start(Connection first, ConnectionSource connections, TransactionSql transactions,
            Dialect dialect, int maxBatch, int queueCapacity, Duration writeTimeout, int writerCount) {
        return start(first, connections, transactions, dialect, maxBatch, queueCapacity, writeTimeout, writerCount,
                BatchLinger.configuredBound());
    }

    /** As above, lingering up to {@code linger} ({@link Duration#ZERO}: never; see {@link BatchLinger}). */
    static GroupCommitWriter start(Connection first, ConnectionSource connections, TransactionSql transactions,
            Dialect dialect, int maxBatch, int queueCapacity, Duration writeTimeout, int writerCount,
            Duration linger) {
        GroupCommitWriter writer = new GroupCommitWriter(first, connections, transactions, dialect, maxBatch,
                queueCapacity, writeTimeout, writerCount, linger);
        writer.workers.forEach(worker -> worker.thread.start());
        connections.onOutage(writer::failQueued);
        return writer;
    }

    /**
     * Runs {@code op} in the next group transaction and returns its result once that transaction has committed.
     * Blocks while the queue is full (backpressure) and while the transaction runs, at most the write timeout.
     * Never from a writer thread or the completion thread (a stage's continuation that runs there): that throws
     * {@link IllegalStateException}.
     *
     * @param name names the operation in errors and logs; must not contain values
     * @throws StoreException when the write failed, or did not commit within the write timeout
     */
    @Override
    public <T> T submit(String name, WriteOp<T> op) {
        return submit(name, op, writeTimeout);
    }

    /**
     * Whether every writer thread and the completion thread still run (a thread that died makes the store not
     * ready).
     */
    @Override
    public boolean isAlive() {
        return !closing.get() && completions.isRunning()
                && workers.stream().allMatch(worker -> worker.thread.isAlive());
    }

    /** Whether a running batch has taken longer than callers may wait: the disk or a lock holds a writer. */
    @Override
    public boolean isStalled() {
        long now = System.nanoTime();
        for (Worker worker : workers) {
            long startedAt = worker.batchStartedAt;
            if (startedAt != 0 && now - startedAt > writeTimeoutNanos) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database failed the last transaction (and none has committed since). */
    @Override
    public boolean isFailing() {
        return failing;
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
    public long opsTimedOut() {
        return opsTimedOut.get();
    }

    @Override
    public int queueDepth() {
        return queue.size();
    }

    /** Commits every write queued before this call, stops the thread and closes the connection. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        // Shutdown often runs on an interrupted thread; the stop marker must be queued all the same, or the writer
        // would wait for work forever and join() with it.
        boolean interrupted = Thread.interrupted();
        // The stop marker queues behind every write accepted so far, so those are all committed first.
        while (anyWorkerAlive()) {
            try {
                if (queue.offer(stop, LIVENESS_CHECK_NANOS, TimeUnit.NANOSECONDS)) {
                    break;
                }
                // the queue is full: the writer is draining it
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Worker worker : workers) {
            while (worker.thread.isAlive()) {
                try {
                    worker.thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        // Writes that raced with close() and landed behind the stop marker.
        for (PendingWrite<?> straggler = queue.poll(); straggler != null; straggler = queue.poll()) {
            straggler.fail(closed(straggler.name));
        }
        completions.close(); // after the writers: their last hand-offs are done before this returns
        deadlines.close();
        for (Worker worker : workers) {
            worker.context.closeStatements();
            worker.closeConnection();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- calling threads ----------------------------------------------------------------------------------

    /** As {@link #submit(String, WriteOp)}, waiting at most {@code timeout}. */
    @Override
    public <T> T submit(String name, WriteOp<T> op, Duration timeout) {
        if (isWriterThread(Thread.currentThread())) {
            // the writer would wait for a commit that only it can make: a stall until the write timeout, every time
            throw new IllegalStateException("blocking write " + name + " submitted from the writer thread itself");
        }
        if (completions.isItsThread()) {
            // every answer waiting behind this one would wait for this commit too: continuations must not block
            throw new IllegalStateException("blocking write " + name
                    + " submitted from the writer's completion thread");
        }
        if (closing.get()) {
            throw closed(name);
        }
        SQLException refusal = connections.refusal();
        if (refusal != null) {
            throw refused(name, refusal);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        PendingWrite<T> write = new PendingWrite<>(name, op, timeout, false);
        enqueue(write, deadline);
        return await(write, deadline);
    }

    /**
     * Queues {@code op} for the next group transaction and returns at once (unless the queue is full: then it waits
     * for room, within the write timeout, as {@link #submit} does). The stage completes on the completion thread once
     * the transaction has committed, or fails with a {@link StoreException}, at the latest about the write timeout
     * later (then on the deadlines' thread). Never from the completion thread: with the queue full it could wait
     * there up to the write timeout, holding every answer behind it; that throws {@link IllegalStateException} (a
     * continuation that writes again hops to another executor first, as the token path's retries do).
     */
    @Override
    public <T> CompletionStage<T> submitAsync(String name, WriteOp<T> op) {
        if (completions.isItsThread()) {
            throw new IllegalStateException("asynchronous write " + name
                    + " submitted from the writer's completion thread");
        }
        if (closing.get()) {
            return CompletableFuture.failedFuture(closed(name));
        }
        SQLException refusal = connections.refusal();
        if (refusal != null) {
            return CompletableFuture.failedFuture(refused(name, refusal));
        }
        long deadline = System.nanoTime() + writeTimeoutNanos;
        PendingWrite<T> write = new PendingWrite<>(name, op, writeTimeout, true);
        try {
            enqueue(write, deadline);
        } catch (StoreException e) {
            return CompletableFuture.failedFuture(e);
        }
        deadlines.watch(write, deadline);
        return write.done;
    }

    /**
     * An asynchronous write's deadline passed: as {@link #timedOut}, failing its stage instead of throwing. A write
     * the writer has settled is left alone: it committed (or failed), and its stage only waits for the completion
     * thread, which reports that.
     */
    private void expire(PendingWrite<?> write) {
        StoreException failure;
        if (write.withdraw()) {
            queue.remove(write);
            failure = new StoreException(write.name + " was not written: it waited for the writer for "
                    + millis(write.timeout) + " and was withdrawn");
        } else if (!write.expire()) {
            return; // settled: its outcome is on its way
        } else if (!anyWorkerAlive()) {
            failure = closed(write.name);
        } else {
            failure = new StoreException(write.name + " did not commit within " + millis(write.timeout)
                    + "; the writer is running it and it may still commit");
        }
        // Counted before the stage fails, so that whoever sees the failure also sees it counted.
        opsTimedOut.incrementAndGet();
        if (!write.done.completeExceptionally(failure)) {
            opsTimedOut.decrementAndGet(); // its outcome was set meanwhile (close): not a timeout
        }
    }

    private void enqueue(PendingWrite<?> write, long deadline) {
        try {
            while (!queue.offer(write, Math.min(LIVENESS_CHECK_NANOS, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS)) {
                if (!isAlive()) {
                    throw closed(write.name);
                }
                if (System.nanoTime() - deadline >= 0) {
                    opsTimedOut.incrementAndGet();
                    throw new StoreException(write.name + " was not written: the writer's queue stayed full for "
                            + millis(write.timeout));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(write.name + " was interrupted before it was queued", e);
        }
        linger.queued(queue);
        // close() may have swept the queue just before this write arrived; take it back if nobody else has.
        if (closing.get() && queue.remove(write)) {
            throw closed(write.name);
        }
        // So may failQueued(), when the database was found unreachable meanwhile.
        SQLException refusal = connections.refusal();
        if (refusal != null && write.withdraw()) {
            queue.remove(write);
            throw refused(write.name, refusal);
        }
    }

    /**
     * What a write is told when the database is known unreachable before it runs: it fails at once (counted as
     * failed by the database, which keeps the store not ready until a transaction commits again) instead of waiting
     * in the queue for a writer that waits on a dead connection, or for a connection the gate refuses anyway.
     */
    private StoreException refused(String name, SQLException refusal) {
        synchronized (health) {
            failing = true;
            startedBeforeLastFailure = transactionsStarted.get();
            failedWhileFailing.incrementAndGet();
        }
        opsFailed.incrementAndGet();
        return new StoreException(name + " was not written: " + refusal.getMessage(), refusal);
    }

    /**
     * The database was found unreachable: every write still queued fails now rather than at its deadline (each
     * writer may be held until its socket timeout by a batch sent before). Runs on the thread that found it.
     */
    private void failQueued() {
        SQLException refusal = connections.refusal();
        if (refusal == null) {
            return; // open again already
        }
        List<Runnable> async = new ArrayList<>();
        for (PendingWrite<?> write : queue.snapshot()) {
            if (write == stop || !write.withdraw()) {
                continue; // taken by a writer meanwhile, or withdrawn by its caller
            }
            queue.remove(write);
            StoreException failure = refused(write.name, refusal);
            if (write.async) {
                async.add(() -> write.done.completeExceptionally(failure));
            } else {
                write.done.completeExceptionally(failure);
            }
        }
        completions.handOff(async);
    }

    private <T> T await(PendingWrite<T> write, long deadline) {
        boolean interrupted = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return timedOut(write);
                }
                try {
                    return write.done.get(Math.min(left, LIVENESS_CHECK_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (!anyWorkerAlive()) {
                        // Nobody will run it any more: queued or not, fail it unless its outcome is already set.
                        queue.remove(write);
                        write.fail(closed(write.name));
                    }
                } catch (InterruptedException e) {
                    // The write may be in the open transaction already; its outcome is known within the deadline,
                    // and reporting it truthfully is worth more than returning early.
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw outcome(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The deadline passed. A write the writer has not taken yet is withdrawn: it will never run. One it has taken
     * may still commit; the caller is told so, and (never having seen the result) cannot use what it would create.
     */
    private <T> T timedOut(PendingWrite<T> write) {
        if (write.withdraw()) {
            queue.remove(write);
            opsTimedOut.incrementAndGet();
            throw new StoreException(write.name + " was not written: it waited for the writer for "
                    + millis(write.timeout) + " and was withdrawn");
        }
        if (write.done.isDone()) {
            try {
                return write.done.getNow(null);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
        opsTimedOut.incrementAndGet();
        throw new StoreException(write.name + " did not commit within " + millis(write.timeout)
                + "; the writer is running it and it may still commit");
    }

    /** The failure a completed write carries, thrown on the caller's thread (so with the caller's stack too). */
    private static StoreException outcome(Exception wrapped) {
        Throwable cause = wrapped.getCause() != null ? wrapped.getCause() : wrapped;
        return new StoreException(cause.getMessage(), cause);
    }

    private boolean isWriterThread(Thread candidate) {
        for (Worker worker : workers) {
            if (worker.thread == candidate) {
                return true;
            }
        }
        return false;
    }

    private boolean anyWorkerAlive() {
        for (Worker worker : workers) {
            if (worker.thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static String millis(Duration timeout) {
        return timeout.toMillis() + " ms";
    }

    private static StoreException closed(String name) {
        return new StoreException(name + " failed: the store is closed");
    }

    // ---- shared by the writer threads ---------------------------------------------------------------------

    /** Counts a conflict of {@code write}'s; whether it may run again after it (the attempts are not used up). */
    private boolean runsAgain(PendingWrite<?> write, Exception cause) {
        return dialect.isRetryable(cause) && ++write.conflicts < StoreWriter.ATTEMPTS;
    }

    /** @param transaction the committed transaction's number ({@link #transactionsStarted}) */
    private void committed(List<PendingWrite<?>> writes, long transaction) {
        batchesCommitted.incrementAndGet();
        opsCommitted.addAndGet(writes.size());
        if (failing) {
            recovered(transaction);
        }
        settle(writes, PendingWrite::complete);
    }

    private void recovered(long transaction) {
        long failedWrites;
        synchronized (health) {
            if (!failing || transaction <= startedBeforeLastFailure) {
                return;
            }
            failing = false;
            failedWrites = failedWhileFailing.getAndSet(0);
        }
        failures.drain();
        LOG.info("The store takes writes again, after {} writes failed", failedWrites);
    }

    /**
     * Gives each write its outcome: a blocking write's waiting caller at once, the asynchronous writes' stages on the
     * completion thread, all of this transaction's in one hand-off.
     */
    private void settle(List<PendingWrite<?>> writes, Consumer<PendingWrite<?>> outcome) {
        List<Runnable> handed = new ArrayList<>(writes.size());
        for (PendingWrite<?> write : writes) {
            if (!write.settle()) {
                continue; // its deadline failed it already (or it was settled before an Error abandoned its batch)
            }
            if (write.async) {
                handed.add(() -> outcome.accept(write));
            } else {
                outcome.accept(write);
            }
        }
        completions.handOff(handed);
    }

    /** The database failed the transaction: every write of it fails, as a retry alone would fail too. */
    private void databaseFailed(List<PendingWrite<?>> writes, Exception cause) {
        synchronized (health) {
            failing = true;
            startedBeforeLastFailure = transactionsStarted.get();
            failedWhileFailing.addAndGet(writes.size());
        }
        opsFailed.addAndGet(writes.size());
        // One line per kind of failure and minute: a full disk fails every write, and a line per write (let alone a
        // stack trace) would fill what little space is left.
        failures.record(RepeatedFailures.signatureOf(cause)).ifPresent(unlogged -> LOG.warn(
                "The database failed a transaction of {} writes, which all fail: {}{}", writes.size(), cause.toString(),
                unlogged == 0 ? "" : " (and " + unlogged + " more failed transactions like it since the last report)"));
        LOG.debug("The database failed a transaction", cause);
        settle(writes, write -> write.fail(cause));
    }

    private void fail(PendingWrite<?> write, Exception cause) {
        opsFailed.incrementAndGet();
        failures.record(write.name + ": " + RepeatedFailures.signatureOf(cause)).ifPresent(unlogged -> LOG.warn(
                "Write {} failed: {}{}", write.name, cause.toString(),
                unlogged == 0 ? "" : " (and " + unlogged + " more like it since the last report)"));
        LOG.debug("Write {} failed", write.name, cause);
        settle(List.of(write), failed -> failed.fail(cause));
    }

    /**
     * The batch's writes that go to the database together, as one statement ({@link Dialect#arrayInsert}) or else as
     * one JDBC batch: for every SQL text of at least two {@link SingleUpdate}s, their indexes in {@code writes}. Empty
     * where the dialect gains nothing by it (SQLite: no round trips); without the JDBC batches where the driver hides
     * update counts. The writes of one batch were all waiting at once, so no caller has seen any of them commit:
     * sending these before the other writes is as good an order as the queue's.
     */
    private Collection<List<Integer>> statementBatches(List<PendingWrite<?>> writes) {
        if (!dialect.batchesStatements() || writes.size() < 2) {
            return List.of();
        }
        Map<String, List<Integer>> bySql = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).op instanceof SingleUpdate<?> update) {
                bySql.computeIfAbsent(update.sql(), sql -> new ArrayList<>()).add(i);
            }
        }
        bySql.entrySet().removeIf(group -> group.getValue().size() < 2
                || (batchesHideCounts && dialect.arrayInsert(group.getKey()) == null));
        return bySql.values();
    }

    /** The SQL text of the {@link SingleUpdate} at {@code index}. */
    private static String sqlOf(List<PendingWrite<?>> writes, int index) {
        return ((SingleUpdate<?>) writes.get(index).op).sql();
    }

    // ---- the writer threads -------------------------------------------------------------------------------

    /** One writer thread with its own connection and statements; every writer takes its batches from the queue. */
    private final class Worker {
        final Thread thread;
        final Context context = new Context();
        /** This writer's connection; null after a failure, or once it went back to the pool, until the next batch. */
        private Connection connection;
        /** When {@link #connection} was taken ({@code System.nanoTime()}). */
        private long connectionTakenAt = System.nanoTime();
        /** When the last transaction on {@link #connection} ended. */
        private long lastUsedAt = System.nanoTime();
        /** When the running batch started ({@code System.nanoTime()}), or 0 while the writer waits for work. */
        volatile long batchStartedAt;
        /** The index in the running batch of the write being sent, or -1 (BEGIN, COMMIT). */
        private int runningWrite = -1;
        /** Whether a JDBC batch of several writes is being sent. */
        private boolean sendingJdbcBatch;
        /** Whether this writer took the stop marker, which it passes on however it ends. */
        private boolean stopTaken;

        Worker(Connection first, String name) {
            this.connection = first;
            this.thread = new Thread(this::run, name);
            // A forgotten close() must not keep the JVM alive; unacknowledged writes are not promised anyway.
            thread.setDaemon(true);
        }

        private void run() {
            try {
                runBatches(new ArrayList<>(maxBatch));
            } finally {
                // Also when an Error ends this thread in the batch that took the stop marker: the other writers would
                // wait for work forever, and close() for them.
                if (stopTaken) {
                    passOnStop();
                }
            }
        }

        /** Runs batches until one holds the stop marker (or an Error ends the thread). */
        private void runBatches(List<PendingWrite<?>> batch) {
            boolean stopping = false;
            while (!stopping) {
                batch.add(queue.take()); // nobody should interrupt a writer (close() stops it through the queue)
                // With one writer, no linger: while its batch commits (and, for asynchronous writes, answers), the
                // next one gathers in the queue. Waiting 200-1000 us for more writes was measured to cost 10-50 %
                // throughput at 16 and 64 submitters on SQLite without a better p99 (docs/BENCHMARKS.md, "Answering
                // from the commit"). With several, a writer that would send a few writes while another's batch is in
                // flight waits for that batch to end instead (BatchLinger).
                queue.drainTo(batch, maxBatch - 1);
                if (!closing.get()) {
                    linger.gather(batch, queue);
                }
                stopping = closing.get() && batch.remove(stop);
                stopTaken = stopping;
                // Writes whose callers gave up before now are dropped; the others can no longer be withdrawn.
                batch.removeIf(write -> !write.claim());
                batchStartedAt = Math.max(1, System.nanoTime());
                linger.batchStarted();
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
                } finally {
                    batchStartedAt = 0;
                    linger.batchEnded();
                }
                batch.clear();
            }
        }

        /** Queues the stop marker again for the writers that have not seen it, behind what is still queued. */
        private void passOnStop() {
            if (running.decrementAndGet() == 0) {
                return;
            }
            boolean interrupted = false;
            // Not when every other writer is gone (dead of an Error): nobody would take it, nor make room for it.
            while (workers.stream().anyMatch(other -> other != this && other.thread.isAlive())) {
                try {
                    if (queue.offer(stop, LIVENESS_CHECK_NANOS, TimeUnit.NANOSECONDS)) {
                        break;
                    }
                    // the queue is full of writes that raced with close(): the other writers are draining it
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void execute(List<PendingWrite<?>> writes) {
            execute(writes, true);
        }

        /** @param jdbcBatches whether {@link SingleUpdate}s of one SQL text may go as one JDBC batch */
        private void execute(List<PendingWrite<?>> writes, boolean jdbcBatches) {
            long transaction = transactionsStarted.incrementAndGet();
            BatchFailure failure = runInOneTransaction(writes, jdbcBatches);
            if (failure == null) {
                committed(writes, transaction);
            } else if (failure.ofTheDatabase()) {
                databaseFailed(writes, failure.cause());
            } else if (failure.inJdbcBatch()) {
                // The driver does not tell which statement of a JDBC batch failed (PostgreSQL aborts the transaction
                // at it, and every count reads "failed"): the same writes run again one by one, which finds it.
                LOG.debug("A JDBC batch failed in a group transaction of {}; it runs again one write at a time",
                        writes.size(), failure.cause());
                execute(writes, false);
            } else if (writes.size() == 1) {
                PendingWrite<?> write = writes.get(0);
                if (runsAgain(write, failure.cause())) {
                    LOG.debug("Write {} conflicted with another transaction (attempt {}); it runs again", write.name,
                            write.conflicts, failure.cause());
                    execute(writes);
                } else {
                    fail(write, failure.cause());
                }
            } else {
                PendingWrite<?> failed = writes.get(failure.failedWrite());
                runsAgain(failed, failure.cause()); // counts the conflict; it runs again alone below either way
                List<PendingWrite<?>> others = new ArrayList<>(writes);
                others.remove(failure.failedWrite());
                LOG.debug("Write {} failed in a group transaction of {}; the others run again without it",
                        failed.name, writes.size());
                execute(others);
                // once more alone, in case its failure was not its own doing
                execute(List.of(failed));
            }
        }

        /** Runs the writes in one transaction; null when it committed, else what failed and where. */
        private BatchFailure runInOneTransaction(List<PendingWrite<?>> writes, boolean jdbcBatches) {
            runningWrite = -1;
            sendingJdbcBatch = false;
            try {
                returnIfHeldTooLong();
                replaceIfDeadAfterIdle();
                if (connection == null) {
                    connection = connections.open();
                    connectionTakenAt = System.nanoTime();
                }
                Collection<List<Integer>> together = jdbcBatches ? statementBatches(writes) : List.of();
                if (dialect.commitsStatementsAlone() && ranAsOneStatement(writes, together)) {
                    return null;
                }
                context.execute(transactions.begin());
                boolean[] sent = new boolean[writes.size()];
                for (List<Integer> indexes : together) {
                    ArrayInsert insert = dialect.arrayInsert(sqlOf(writes, indexes.get(0)));
                    if (insert != null) {
                        sendAsOneStatement(writes, indexes, insert);
                    } else {
                        sendAsOneBatch(writes, indexes);
                    }
                    indexes.forEach(index -> sent[index] = true);
                }
                for (int i = 0; i < writes.size(); i++) {
                    if (!sent[i]) {
                        runningWrite = i;
                        context.run(writes.get(i));
                    }
                }
                runningWrite = -1;
                context.execute(transactions.commit());
                return null;
            } catch (SQLException | RuntimeException e) {
                connections.failed(e);
                boolean ofTheDatabase = (runningWrite < 0 && !sendingJdbcBatch) || dialect.isOfTheDatabase(e);
                recover(ofTheDatabase);
                return new BatchFailure(runningWrite, e, ofTheDatabase, sendingJdbcBatch);
            }
        }

        /**
         * Where the batch is one statement, runs it in auto-commit, as a transaction of its own: a lone
         * {@link SingleUpdate}, or {@code SingleUpdate}s of one INSERT that has an array form ({@code together} is
         * then that one group, and covers the whole batch). That is one round trip instead of three (BEGIN, the
         * statement, COMMIT), and the server answers only once the statement has committed. False, having sent
         * nothing, for any other batch.
         */
        private boolean ranAsOneStatement(List<PendingWrite<?>> writes, Collection<List<Integer>> together)
                throws SQLException {
            if (writes.size() == 1 && writes.get(0).op instanceof SingleUpdate<?>) {
                runningWrite = 0;
                context.run(writes.get(0));
                runningWrite = -1;
                return true;
            }
            if (together.size() != 1) {
                return false;
            }
            List<Integer> indexes = together.iterator().next();
            ArrayInsert insert = dialect.arrayInsert(sqlOf(writes, indexes.get(0)));
            if (insert == null || indexes.size() != writes.size()) {
                return false;
            }
            sendAsOneStatement(writes, indexes, insert);
            return true;
        }

        /**
         * Sends the writes at {@code indexes}, all {@link SingleUpdate}s of {@code insert}'s one-row INSERT, as that
         * single statement, and gives each the result its INSERT alone would have had (1 if its row went in, else
         * 0). When it fails, the driver does not say for which row: handled as a failed JDBC batch.
         */
        private void sendAsOneStatement(List<PendingWrite<?>> writes, List<Integer> indexes, ArrayInsert insert)
                throws SQLException {
            sendingJdbcBatch = true;
            List<Params> rows = new ArrayList<>(indexes.size());
            for (int index : indexes) {
                rows.add(((SingleUpdate<?>) writes.get(index).op).params());
            }
            boolean[] inserted = insert.run(context.prepared(insert.sql()), rows);
            for (int i = 0; i < inserted.length; i++) {
                writes.get(indexes.get(i)).takeUpdateCount(inserted[i] ? 1 : 0);
            }
            sendingJdbcBatch = false;
        }

        /**
         * Sends the writes at {@code indexes}, all {@link SingleUpdate}s of one SQL text, as one JDBC batch, and
         * gives each its result from its own update count. When a statement fails, the transaction is lost
         * (PostgreSQL aborts it).
         */
        private void sendAsOneBatch(List<PendingWrite<?>> writes, List<Integer> indexes) throws SQLException {
            sendingJdbcBatch = true;
            PreparedStatement statement = context.prepared(sqlOf(writes, indexes.get(0)));
            for (int index : indexes) {
                writes.get(index).addTo(statement);
            }
            int[] counts = statement.executeBatch();
            if (counts.length != indexes.size() || Arrays.stream(counts).anyMatch(count -> count < 0)) {
                batchesHideCounts = true;
                LOG.warn("The database driver does not report the update count of each statement of a JDBC batch "
                        + "(reWriteBatchedInserts=true in the URL?): the writer sends such writes one by one from now "
                        + "on");
                throw new SQLException("a JDBC batch answered without each statement's update count");
            }
            for (int i = 0; i < counts.length; i++) {
                writes.get(indexes.get(i)).takeUpdateCount(counts[i]);
            }
            sendingJdbcBatch = false;
        }

        /**
         * Gives a connection held longer than the source allows back to it (a pool retires it there once it is past
         * its lifetime); the next batch takes another.
         */
        private void returnIfHeldTooLong() throws SQLException {
            if (connection != null && System.nanoTime() - connectionTakenAt > connections.maxHoldNanos()) {
                context.closeStatements();
                Connection held = connection;
                connection = null;
                connections.release(held);
            }
        }

        private void replaceIfDeadAfterIdle() {
            long now = System.nanoTime();
            if (connection != null && now - lastUsedAt > IDLE_CHECK_NANOS && !connections.isUsable(connection)) {
                LOG.debug("The writer connection stopped answering while idle; it is replaced");
                context.closeStatements();
                closeConnection();
            }
            lastUsedAt = now;
        }

        private void abandon(List<PendingWrite<?>> batch, Throwable cause) {
            settle(batch, write -> write.fail(cause)); // a no-op for writes already completed
            recover(true);
        }

        /**
         * Leaves the connection ready for the next transaction after a failed one. sqlite-jdbc closes a statement
         * after most errors, so no prepared statement is reused; the rollback runs on a fresh statement. After a
         * failure of the database, or when the rollback fails (SQLite may leave a transaction open after a failed
         * COMMIT, or have rolled back by itself), the connection is replaced: closing it ends whatever transaction it
         * held.
         */
        private void recover(boolean reopen) {
            context.closeStatements();
            if (connection == null) {
                return;
            }
            boolean rolledBack;
            try (Statement statement = connection.createStatement()) {
                statement.execute(transactions.rollback());
                rolledBack = true;
            } catch (SQLException | RuntimeException rollbackFailure) {
                LOG.debug("Rollback after a failed group transaction failed", rollbackFailure);
                rolledBack = false;
            }
            if (reopen || !rolledBack) {
                closeConnection();
            }
        }

        void closeConnection() {
            if (connection == null) {
                return;
            }
            try {
                connections.discard(connection);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Closing the writer connection failed", e);
            }
            connection = null;
        }

        /** The writer connection's statements, prepared once. Used by its writer thread only. */
        private final class Context implements WriteContext {
            private final Map<String, PreparedStatement> statements = new HashMap<>();
            /** The driver's network timeout before the running write lifted it, or -1 while it is not lifted. */
            private int liftedNetworkTimeout = -1;
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

            /**
             * Lifts the bound for the rest of this write only: the next write of the batch must not inherit it. SQLite's
             * writer bounds no statement, so there it does nothing.
             */
            @Override
            public void allowLongStatements(Duration bound) throws SQLException {
                String sql = dialect.boundStatements(bound);
                if (sql == null) {
                    return;
                }
                execute(sql);
                if (liftedNetworkTimeout < 0) {
                    liftedNetworkTimeout = connection.getNetworkTimeout();
                }
                connection.setNetworkTimeout(Runnable::run, Math.toIntExact(bound.plusMinutes(1).toMillis()));
            }

            /** Runs one write; a bound it lifted is put back after it (when it failed, its rollback undoes the SQL). */
            void run(PendingWrite<?> write) throws SQLException {
                try {
                    write.run(this);
                    if (liftedNetworkTimeout >= 0) {
                        execute(dialect.boundStatements(writeTimeout));
                    }
                } finally {
                    if (liftedNetworkTimeout >= 0) {
                        int restored = liftedNetworkTimeout;
                        liftedNetworkTimeout = -1;
                        connection.setNetworkTimeout(Runnable::run, restored);
                    }
                }
            }

            void execute(String sql) throws SQLException {
                prepared(sql).executeUpdate();
            }

            PreparedStatement prepared(String sql) throws SQLException {
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
                    } catch (SQLException | RuntimeException e) {
                        LOG.debug("Closing a writer statement failed", e);
                    }
                }
                statements.clear();
            }
        }
    }

    /**
     * Why a group transaction did not commit.
     *
     * @param failedWrite   the index of the write that failed, or -1 when the transaction itself (BEGIN, COMMIT)
     *                      failed
     * @param ofTheDatabase whether the database failed rather than the write (see {@link DatabaseFailures})
     * @param inJdbcBatch   whether it failed in a JDBC batch of several writes, which does not say which one
     */
    private record BatchFailure(int failedWrite, Exception cause, boolean ofTheDatabase, boolean inJdbcBatch) {
    }

    /** One submitted write: the operation, its result until the commit, and the caller's future. */
    private static final class PendingWrite<T> {
        private static final int QUEUED = 0;
        private static final int CLAIMED = 1;
        private static final int WITHDRAWN = 2;
        /** Its outcome is set: handed to the completion thread (asynchronous) or given to its caller. */
        private static final int SETTLED = 3;
        /** Its deadline passed while the writer ran it: its stage failed, and its outcome is not reported. */
        private static final int EXPIRED = 4;

        final String name;
        final WriteOp<T> op;
        /** How long its caller waits. */
        final Duration timeout;
        final CompletableFuture<T> done = new CompletableFuture<>();
        /** Submitted with {@link #submitAsync}: its stage is completed on the completion thread. */
        final boolean async;
        /**
         * Whether the writer took it or its caller gave up first, then whether its outcome or its deadline came first:
         * exactly one of each pair wins.
         */
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private T result;
        /** How often the database rolled it back for a conflict with another transaction (writer thread only). */
        int conflicts;

        PendingWrite(String name, WriteOp<T> op, Duration timeout, boolean async) {
            this.name = name;
            this.op = op;
            this.timeout = timeout;
            this.async = async;
        }

        /** For the writer: true if the write is its to run, false if its caller withdrew it. */
        boolean claim() {
            return state.compareAndSet(QUEUED, CLAIMED);
        }

        /** For the caller: true if the write will never run, false if the writer took it already. */
        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }

        /**
         * For the writer: true if it gives this write its outcome, false if the deadline failed it first. After this,
         * the deadline leaves it alone even while its stage waits for the completion thread: it has committed (or
         * failed for good), and must be reported so.
         */
        boolean settle() {
            return state.compareAndSet(CLAIMED, SETTLED);
        }

        /** For the deadline: true if it may fail this running write, false if the writer settled it first. */
        boolean expire() {
            return state.compareAndSet(CLAIMED, EXPIRED);
        }

        /** Whether its deadline no longer matters: its stage is complete, or its outcome is on the way. */
        boolean isSettled() {
            return state.get() == SETTLED || done.isDone();
        }

        void run(WriteContext context) throws SQLException {
            result = op.run(context);
        }

        /** Adds this {@link SingleUpdate}'s parameters to the JDBC batch of its statement. */
        void addTo(PreparedStatement statement) throws SQLException {
            ((SingleUpdate<T>) op).params().bind(statement);
            statement.addBatch();
        }

        /** This {@link SingleUpdate}'s result, from its statement's update count in the JDBC batch. */
        void takeUpdateCount(int count) {
            result = ((SingleUpdate<T>) op).outcome().apply(count);
        }

        void complete() {
            done.complete(result);
        }

        void fail(Throwable cause) {
            done.completeExceptionally(cause instanceof StoreException
                    ? cause : new StoreException(name + " failed", cause));
        }
    }
}
