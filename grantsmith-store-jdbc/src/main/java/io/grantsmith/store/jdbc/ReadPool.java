package io.grantsmith.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.grantsmith.core.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read connections beside the writer (WAL lets them read while it writes). A read may miss the writer's very
 * latest commit; that is harmless because every write re-checks its condition in SQL.
 */
final class ReadPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadPool.class);
    /**
     * How long after its query timeout the health query is given up: its caller stops waiting then, and the driver's
     * network timeout for it ends it then (a failure of the connection, which closes the gate).
     */
    static final long HEALTH_GRACE_MILLIS = 1_000;

    private final AutoCloseable pool;
    private final ConnectionGate connections;
    private volatile boolean closed;
    /** Runs the health query, so that its caller can stop waiting for it; started on first use. */
    private ExecutorService healthThread;
    /** The health query running or last run; a caller that finds it running waits for it rather than start another. */
    private CompletableFuture<Boolean> healthQuery;

    ReadPool(HikariDataSource dataSource) {
        this(dataSource, ConnectionGate.alwaysOpen(dataSource));
    }

    /**
     * Reads through {@code connections}, the gate that fails them at once while the database is away.
     *
     * @param pool the pool behind the gate, closed with this (after the gate)
     */
    ReadPool(AutoCloseable pool, ConnectionGate connections) {
        this.pool = pool;
        this.connections = connections;
    }

    <T> Optional<T> first(String operation, String sql, Params params, RowReader<T> reader) {
        return run(operation, sql, statement -> Statements.first(statement, params, reader));
    }

    <T> List<T> all(String operation, String sql, Params params, RowReader<T> reader) {
        return run(operation, sql, statement -> Statements.all(statement, params, reader));
    }

    /**
     * Whether a connection answers {@code SELECT 1} within {@code timeoutSeconds}. Its caller ({@code /health})
     * waits at most {@value #HEALTH_GRACE_MILLIS} ms longer, however long the pool or the driver take: a statement's
     * query timeout is enforced by a cancel request on a new connection, which across a silent partition gets no
     * further than the query itself.
     */
    boolean answers(int timeoutSeconds) {
        CompletableFuture<Boolean> query;
        synchronized (this) {
            if (closed) {
                return false;
            }
            query = healthQuery;
            if (query == null || query.isDone()) {
                if (healthThread == null) {
                    healthThread = Executors.newSingleThreadExecutor(task -> {
                        Thread thread = new Thread(task, "grantsmith-health-query");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                query = CompletableFuture.supplyAsync(() -> selectOne(timeoutSeconds), healthThread);
                healthQuery = query;
            }
        }
        try {
            return query.get(TimeUnit.SECONDS.toMillis(timeoutSeconds) + HEALTH_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("The health query did not answer within {} s and {} ms", timeoutSeconds, HEALTH_GRACE_MILLIS);
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean selectOne(int timeoutSeconds) {
        try (Connection connection = connections.connect()) {
            // the pool restores the connection's own network timeout when it comes back
            connection.setNetworkTimeout(Runnable::run,
                    Math.toIntExact(TimeUnit.SECONDS.toMillis(timeoutSeconds) + HEALTH_GRACE_MILLIS));
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
                statement.setQueryTimeout(timeoutSeconds);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() && rows.getInt(1) == 1;
                }
            }
        } catch (SQLException | RuntimeException e) {
            connections.failed(e);
            return false;
        }
    }

    /** Stops the gate's trials and the health query's thread, then closes the pool. */
    @Override
    public void close() {
        ExecutorService health;
        synchronized (this) {
            closed = true;
            health = healthThread;
        }
        connections.close();
        if (health != null) {
            health.shutdownNow(); // a query that hangs ends within its network timeout
        }
        try {
            pool.close();
        } catch (Exception e) {
            throw new StoreException("closing the read pool failed", e);
        }
    }

    private <T> T run(String operation, String sql, StatementCall<T> call) {
        if (closed) {
            throw new StoreException(operation + " failed: the store is closed");
        }
        try (Connection connection = connections.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return call.run(statement);
        } catch (SQLException e) {
            connections.failed(e);
            throw new StoreException(operation + " failed", e);
        }
    }

    @FunctionalInterface
    private interface StatementCall<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
