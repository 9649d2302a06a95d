package io.grantsmith.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the group-commit writer takes its one connection, which it keeps until the database fails under it and then
 * replaces. For SQLite each is a new connection to the file; for PostgreSQL one of the pool's, behind the
 * {@link ConnectionGate} (so that the writer, too, fails at once while the database is unreachable), and the gate
 * hears of the writer's failures.
 */
@FunctionalInterface
interface ConnectionSource {
    /** @throws io.grantsmith.core.spi.StoreException or SQLException when the database cannot be reached */
    Connection open() throws SQLException;

    /**
     * Whether a connection that has been idle still reaches the database; checked before a transaction after a pause
     * (a PostgreSQL server restarted meanwhile leaves the writer's connection dead, and its next batch would fail).
     */
    default boolean isUsable(Connection connection) {
        return true;
    }

    /** Gives back a connection that failed or is no longer needed; it must not be used again. */
    default void discard(Connection connection) throws SQLException {
        connection.close();
    }

    /**
     * How long a writer may keep a connection before it gives it back ({@link #release}) and takes another: forever
     * for a connection of its own, not long for a pool's, which retires a connection only once it comes back.
     */
    default long maxHoldNanos() {
        return Long.MAX_VALUE;
    }

    /** Gives back a healthy connection the writer no longer holds (a pool's goes back to the pool). */
    default void release(Connection connection) throws SQLException {
        connection.close();
    }

    /** A transaction failed with {@code failure}. */
    default void failed(Throwable failure) {
    }

    /**
     * While the database is known unreachable, the failure to give a write at once instead of queueing it (it would
     * wait behind batches that wait on dead connections); else null.
     */
    default SQLException refusal() {
        return null;
    }

    /** Runs {@code action} each time the database is found unreachable (for the writes queued at that moment). */
    default void onOutage(Runnable action) {
    }

    /** How long {@link #isUsable} waits for the database's answer. */
    int VALIDATION_SECONDS = 1;

    /**
     * How long a writer keeps a pooled connection: far below the pool's maximum lifetime (HikariCP's default, 30
     * minutes), and long enough that taking another one (and preparing its statements again) costs nothing measurable.
     */
    long POOLED_HOLD_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    /** A pooled connection behind {@code gate}; a discarded one leaves the pool ({@code evict}), as it may be broken. */
    static ConnectionSource pooled(ConnectionGate gate, PoolEviction evict) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return gate.connect();
            }

            @Override
            public boolean isUsable(Connection connection) {
                try {
                    return connection.isValid(VALIDATION_SECONDS);
                } catch (SQLException e) {
                    return false;
                }
            }

            /** HikariCP only marks a connection in use as evicted; closing it then returns it, and it is closed. */
            @Override
            public void discard(Connection connection) throws SQLException {
                try {
                    evict.evict(connection);
                } finally {
                    connection.close();
                }
            }

            @Override
            public long maxHoldNanos() {
                return POOLED_HOLD_NANOS;
            }

            @Override
            public void failed(Throwable failure) {
                gate.failed(failure);
            }

            @Override
            public SQLException refusal() {
                return gate.refusal();
            }

            @Override
            public void onOutage(Runnable action) {
                gate.onOutage(action);
            }
        };
    }

    /** Closes a pooled connection and keeps the pool from handing it out again. */
    @FunctionalInterface
    interface PoolEviction {
        void evict(Connection connection);
    }
}
