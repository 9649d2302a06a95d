package io.grantsmith.store.jdbc;

import io.grantsmith.core.log.RepeatedFailures;
import io.grantsmith.core.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL writer: each write runs on its caller's thread in a transaction of its own, on a connection from
 * the pool, and returns once that transaction has committed. PostgreSQL takes many writers at once (unlike SQLite),
 * so there is no queue and no writer thread: the pool bounds how many write at once, and a caller waits for a
 * connection at most the write timeout, or not at all while the database is unreachable ({@link ConnectionGate}). {@link GroupCommitWriter} is the alternative that puts many
 * requests' writes in one transaction ({@code PostgresSettings.Writer}).
 *
 * <p>A write's statements run in PostgreSQL's default READ COMMITTED isolation: every once-only change is one
 * conditional statement (an {@code UPDATE ... WHERE <precondition>}), which a concurrent writer of the same row waits
 * for and then re-checks against the committed row, so exactly one of them changes it. A serialization failure or a
 * deadlock rolls the transaction back and it runs again, at most {@value StoreWriter#ATTEMPTS} times in all; {@link WriteOp}s
 * are pure functions of their inputs and the database, so that is safe.
 *
 * <p>An operation has the transaction to itself, so its {@link WriteContext.OpSavepoint} needs no SQL savepoint:
 * rolling it back rolls back the transaction, which holds this operation only. A {@link SingleUpdate} (a plain
 * access-token INSERT under {@code client_credentials}) is one statement: it runs in auto-commit, its own
 * transaction, in one round trip to the server instead of two.
 */
final class PooledWriter implements StoreWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PooledWriter.class);

    private final ConnectionGate connections;
    private final IntSupplier waitingForConnection;
    private final Dialect dialect;
    private final Duration writeTimeout;
    private final long writeTimeoutNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Writes running now, with their start ({@code System.nanoTime()}), for {@link #isStalled()} and close. */
    private final Map<Object, Long> running = new ConcurrentHashMap<>();
    private final AtomicLong transactionsCommitted = new AtomicLong();
    private final AtomicLong opsFailed = new AtomicLong();
    private final AtomicLong opsTimedOut = new AtomicLong();
    private final RepeatedFailures failures = RepeatedFailures.perMinute();
    private final AtomicLong failedWhileFailing = new AtomicLong();
    private volatile boolean failing;

    /**
     * @param connections          the pool, behind the gate that fails writes at once while the database is away
     * @param waitingForConnection how many callers wait for a connection of the pool right now (the queue depth)
     */
    PooledWriter(ConnectionGate connections, IntSupplier waitingForConnection, Dialect dialect,
            Duration writeTimeout) {
        this.connections = connections;
        this.waitingForConnection = waitingForConnection;
        this.dialect = dialect;
        this.writeTimeout = writeTimeout;
        this.writeTimeoutNanos = writeTimeout.toNanos();
    }

    @Override
    public <T> T submit(String name, WriteOp<T> op) {
        return submit(name, op, writeTimeout);
    }

    @Override
    public <T> T submit(String name, WriteOp<T> op, Duration timeout) {
        if (closed.get()) {
            throw closed(name);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Object self = new Object();
        running.put(self, System.nanoTime());
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    T result = runInOneTransaction(op, deadline, timeout);
                    committed();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connections.failed(e);
                    if (attempt < ATTEMPTS && dialect.isRetryable(e) && System.nanoTime() - deadline < 0) {
                        LOG.debug("Write {} conflicted with another transaction (attempt {}); it runs again", name,
                                attempt, e);
                        continue;
                    }
                    throw failed(name, timeout, e);
                }
            }
        } finally {
            running.remove(self);
        }
    }

    private <T> T runInOneTransaction(WriteOp<T> op, long deadline, Duration timeout) throws SQLException {
        try (Connection connection = connections.connect()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new SQLTransientConnectionException("no database connection was free within "
                        + timeout.toMillis() + " ms");
            }
            // A write that is one statement runs in auto-commit (the pool's default), a transaction of its own that
            // the server commits before it answers: one round trip, where BEGIN with it and COMMIT are two.
            boolean alone = op instanceof SingleUpdate<?> && dialect.commitsStatementsAlone();
            connection.setAutoCommit(alone); // the driver sends nothing for it; BEGIN goes with the first statement
            Transaction transaction = new Transaction(connection);
            try {
                T result = op.run(transaction);
                if (!alone) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (!alone) {
                    rollback(connection, e);
                }
                throw e;
            } finally {
                transaction.closeStatements();
            }
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure); // the pool discards a broken connection
        }
    }

    private void committed() {
        transactionsCommitted.incrementAndGet();
        if (failing) {
            failing = false;
            failures.drain();
            LOG.info("The store takes writes again, after {} writes failed", failedWhileFailing.getAndSet(0));
        }
    }

    /** What the caller is told, with the failure counted and (once per kind and minute) logged. */
    private StoreException failed(String name, Duration timeout, Exception cause) {
        if (cause instanceof ConnectionGate.Refused) {
            // as the group writer reports a refused write; the gate has logged the outage once
            opsFailed.incrementAndGet();
            failing = true;
            failedWhileFailing.incrementAndGet();
            return new StoreException(name + " was not written: " + cause.getMessage(), cause);
        }
        if (cause instanceof SQLTransientConnectionException || dialect.isTimeout(cause)) {
            opsTimedOut.incrementAndGet();
            if (dialect.isOfTheDatabase(cause)) {
                databaseFailed(name, cause);
            }
            return new StoreException(name + " did not commit within " + timeout.toMillis() + " ms: "
                    + cause.getMessage(), cause);
        }
        opsFailed.incrementAndGet();
        if (dialect.isOfTheDatabase(cause)) {
            databaseFailed(name, cause);
        } else {
            failures.record(name + ": " + RepeatedFailures.signatureOf(cause)).ifPresent(unlogged -> LOG.warn(
                    "Write {} failed: {}{}", name, cause.toString(),
                    unlogged == 0 ? "" : " (and " + unlogged + " more like it since the last report)"));
            LOG.debug("Write {} failed", name, cause);
        }
        return cause instanceof StoreException store ? store : new StoreException(name + " failed", cause);
    }

    /** The database is down, full or unreachable: reported not ready until a transaction commits again. */
    private void databaseFailed(String name, Exception cause) {
        failing = true;
        failedWhileFailing.incrementAndGet();
        failures.record(RepeatedFailures.signatureOf(cause)).ifPresent(unlogged -> LOG.warn(
                "The database failed write {}: {}{}", name, cause.toString(),
                unlogged == 0 ? "" : " (and " + unlogged + " more failed writes like it since the last report)"));
        LOG.debug("The database failed a write", cause);
    }

    private static StoreException closed(String name) {
        return new StoreException(name + " failed: the store is closed");
    }

    @Override
    public boolean isAlive() {
        return !closed.get();
    }

    @Override
    public boolean isStalled() {
        long now = System.nanoTime();
        for (long startedAt : running.values()) {
            if (now - startedAt > writeTimeoutNanos) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isFailing() {
        return failing;
    }

    @Override
    public long batchesCommitted() {
        return transactionsCommitted.get();
    }

    /** One write per transaction: the same as {@link #batchesCommitted()}. */
    @Override
    public long opsCommitted() {
        return transactionsCommitted.get();
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
        return waitingForConnection.getAsInt();
    }

    /**
     * Takes no new writes and waits (at most the write timeout) for those running to commit; the pool, which the
     * reads share, is closed by its owner after this.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + writeTimeoutNanos;
        boolean interrupted = false;
        while (!running.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One write's transaction: its statements are prepared on first use and closed at its end. */
    private static final class Transaction implements WriteContext {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();
        private final OpSavepoint wholeTransaction = new OpSavepoint() {
            @Override
            public void rollback() throws SQLException {
                connection.rollback();
            }

            @Override
            public void close() {
                // nothing to release: the transaction ends with the operation
            }
        };

        Transaction(Connection connection) {
            this.connection = connection;
        }

        /**
         * {@code SET LOCAL} ends with the transaction; the network timeout (the driver's socket timeout, twice the
         * write timeout, which would otherwise cut a statement still running) is restored by the pool when the
         * connection returns to it.
         */
        @Override
        public void allowLongStatements(Duration bound) throws SQLException {
            update("SET LOCAL statement_timeout = " + bound.toMillis(), Params.of());
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(bound.plusMinutes(1).toMillis()));
        }

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
        public OpSavepoint savepoint() {
            return wholeTransaction;
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
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Closing a statement failed", e);
                }
            }
        }
    }
}
