package io.grantsmith.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the PostgreSQL store takes its connections, failing at once while the database is unreachable. Without it
 * every request would wait the whole pool timeout (the write timeout, 5 s by default) for a connection that cannot
 * come, holding a worker thread meanwhile: under load the workers pile up and {@code /health} waits behind them.
 *
 * <p>A connection failure (SQLSTATE class 08: refused, reset, closed) marks the database unreachable and logs one
 * line. From then on, while the pool holds no connection at all, callers are refused at once with
 * {@link SQLTransientConnectionException} (SQLSTATE 08001), and at most once per {@value #TRIAL_INTERVAL_MILLIS} ms a
 * thread of the gate's own asks the pool for a connection (waiting the pool's timeout there, not in a request), so
 * that a database that comes back is found even if the pool had stopped trying. The pool reconnects in the
 * background too; once it holds a connection again, callers go through, and the first that succeeds marks the
 * database reachable and logs that. Pool exhaustion under load is no connection failure and never closes the gate.
 *
 * <p>A success ends only an outage that had begun when its caller took its {@link #mark()} (just before
 * {@link #connect()}): a statement that started before the database went away can answer after another thread
 * reported the failure, and must not reopen the gate for a database that is gone.</p>
 */
final class ConnectionGate {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    static final long TRIAL_INTERVAL_MILLIS = 1_000;
    private static final long NOT_DOWN = Long.MIN_VALUE;

    private final DataSource pool;
    private final IntSupplier openConnections;
    private final String database;
    private final LongSupplier nanoTime;
    private final AtomicLong downSince = new AtomicLong(NOT_DOWN);
    private final AtomicLong lastTrialAt = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean trialRunning = new AtomicBoolean();
    /** How many outages have begun; changed with {@link #downSince} under this object's lock. */
    private volatile long outages;

    /**
     * @param openConnections how many connections the pool holds now, idle or in use
     * @param database        names the database in log lines (without credentials)
     */
    ConnectionGate(DataSource pool, IntSupplier openConnections, String database, LongSupplier nanoTime) {
        this.pool = pool;
        this.openConnections = openConnections;
        this.database = database;
        this.nanoTime = nanoTime;
    }

    /** A gate that is always open, for a database that cannot become unreachable (a SQLite file). */
    static ConnectionGate alwaysOpen(DataSource pool) {
        return new ConnectionGate(pool, () -> 1, "", System::nanoTime);
    }

    /** A connection from the pool; refused at once while the database is known unreachable. */
    Connection connect() throws SQLException {
        if (isDown() && openConnections.getAsInt() == 0) {
            if (trialDue()) {
                startTrial();
            }
            refused.incrementAndGet();
            throw new SQLTransientConnectionException("the database is unreachable: refused at once until the "
                    + "connection pool reconnects", "08001");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            failed(e);
            throw e;
        }
    }

    private boolean trialDue() {
        long now = nanoTime.getAsLong();
        long last = lastTrialAt.get();
        return now - last >= TRIAL_INTERVAL_MILLIS * 1_000_000 && lastTrialAt.compareAndSet(last, now);
    }

    /** Asks the pool for a connection on a thread of its own; one that opens returns to the pool and opens the gate. */
    private void startTrial() {
        if (!trialRunning.compareAndSet(false, true)) {
            return;
        }
        Thread trial = new Thread(() -> {
            try (Connection connection = pool.getConnection()) {
                LOG.debug("A connection to {} opened again", database);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("The database {} is still unreachable", database, e);
            } finally {
                trialRunning.set(false);
            }
        }, "grantsmith-db-trial");
        trial.setDaemon(true);
        trial.start();
    }

    /** What a caller takes just before {@link #connect()} and hands to {@link #succeeded(long)}. */
    long mark() {
        return outages;
    }

    /**
     * A statement on a connection of this gate answered: the database is reachable, unless an outage began after
     * {@code mark} was taken (the answer may predate it).
     */
    void succeeded(long mark) {
        if (downSince.get() == NOT_DOWN) {
            return; // the common case, without the lock
        }
        long since;
        synchronized (this) {
            since = downSince.get();
            if (since == NOT_DOWN || mark != outages) {
                return;
            }
            downSince.set(NOT_DOWN);
        }
        LOG.info("The database {} is reachable again after {} ms; {} requests were refused at once meanwhile",
                database, (nanoTime.getAsLong() - since) / 1_000_000, refused.getAndSet(0));
    }

    /** A connection or a statement failed: when the connection failed, the database is now unreachable. */
    void failed(Throwable failure) {
        if (!isConnectionFailure(failure) || isDown()) {
            return;
        }
        synchronized (this) {
            if (isDown()) {
                return;
            }
            long now = nanoTime.getAsLong();
            outages++;
            lastTrialAt.set(now);
            downSince.set(now);
        }
        LOG.warn("The database {} is unreachable ({}): requests that need it fail at once with server_error, "
                + "and /health answers 503, until a connection opens again", database, failure.getMessage());
    }

    boolean isDown() {
        return downSince.get() != NOT_DOWN;
    }

    /** SQLSTATE class 08 (connection exception) anywhere in the chain of causes. */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
