package io.grantsmith.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the PostgreSQL store takes its connections, failing at once while the database is unreachable. Without it
 * every request would wait for a connection that cannot come (the pool's timeout, the write timeout) or for an
 * answer on one that is dead (the driver's socket timeout), holding a worker thread meanwhile: under load the workers
 * pile up and {@code /health} waits behind them.
 *
 * <p>A connection failure (SQLSTATE class 08: refused, reset, closed, or no answer within the socket timeout) closes
 * the gate and logs one line. While it is closed every caller is refused at once with
 * {@link SQLTransientConnectionException} (SQLSTATE 08001), whatever the pool holds: across a silent network
 * partition the pool still holds connections that look open, and each caller given one would wait on it. A trial
 * thread of the gate's own then asks the database: {@code SELECT 1} on a pooled connection, with a network timeout of
 * {@value #TRIAL_TIMEOUT_MILLIS} ms, at once and then every {@value #TRIAL_INTERVAL_MILLIS} ms until one answers;
 * that one opens the gate and logs one line. Only the trial opens it: a caller's success says nothing, as nobody is
 * let through while the gate is closed and a statement that began before the failure may answer after it. So one
 * broken connection refuses every caller for one trial round trip (a millisecond or two when the database is fine).
 * Pool exhaustion under load is no connection failure and never closes the gate.
 *
 * <p>{@link #close()} stops the trial thread; the pool's owner closes the gate before the pool.
 */
final class ConnectionGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    static final long TRIAL_INTERVAL_MILLIS = 1_000;
    /** How long the trial's {@code SELECT 1} waits for the answer on the socket. */
    static final int TRIAL_TIMEOUT_MILLIS = 1_000;
    /** How long {@link #close()} waits for a trial thread to end (its statement is bounded by the timeout above). */
    private static final long CLOSE_WAIT_MILLIS = TRIAL_TIMEOUT_MILLIS + 1_000;
    private static final long NOT_DOWN = Long.MIN_VALUE;

    /** One try to reach the database; throws when it does not answer. */
    @FunctionalInterface
    interface Trial {
        void run() throws SQLException, InterruptedException;
    }

    /** Waits between trials; a test pauses and releases it at will. Interrupted by {@link #close()}. */
    @FunctionalInterface
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final Trial trial;
    private final Pause pause;
    private final String database;
    private final LongSupplier nanoTime;
    private final boolean canClose;
    private final List<Runnable> onOutage = new CopyOnWriteArrayList<>();
    /** Callers waiting inside the pool for a connection now. */
    private final java.util.Set<Waiter> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When the database was found unreachable ({@link #nanoTime}), or {@link #NOT_DOWN}; guarded by this for changes. */
    private volatile long downSince = NOT_DOWN;
    private final LongAdder refused = new LongAdder();
    /** Times the gate closed for an outage, for metrics. */
    private final LongAdder outages = new LongAdder();
    /** Set by {@link #close()}: no trial runs any more. */
    private volatile boolean shut;
    private Thread trialThread;
    private final DataSource pool;

    /**
     * @param database names the database in log lines (without credentials)
     * @param trial    asks the database whether it answers, off the callers' threads
     */
    ConnectionGate(DataSource pool, String database, Trial trial, Pause pause, LongSupplier nanoTime) {
        this(pool, database, trial, pause, nanoTime, true);
    }

    private ConnectionGate(DataSource pool, String database, Trial trial, Pause pause, LongSupplier nanoTime,
            boolean canClose) {
        this.pool = pool;
        this.database = database;
        this.trial = trial;
        this.pause = pause;
        this.nanoTime = nanoTime;
        this.canClose = canClose;
    }

    /** The gate of a PostgreSQL pool: its trial is {@link #selectOne}, once a second. */
    static ConnectionGate of(DataSource pool, String database) {
        return new ConnectionGate(pool, database, () -> selectOne(pool), Thread::sleep, System::nanoTime);
    }

    /** A gate that is always open, for a database that cannot become unreachable (a SQLite file). */
    static ConnectionGate alwaysOpen(DataSource pool) {
        return new ConnectionGate(pool, "", () -> { }, Thread::sleep, System::nanoTime, false);
    }

    /** A connection from the pool; refused at once while the database is known unreachable. */
    Connection connect() throws SQLException {
        SQLException refusal = refusal();
        if (refusal != null) {
            throw refusal;
        }
        Waiter waiter = new Waiter(Thread.currentThread());
        waiting.add(waiter);
        Connection connection = null;
        SQLException failure = null;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            failure = e;
        } finally {
            waiting.remove(waiter);
        }
        if (waiter.left()) { // the gate closed while this caller waited inside the pool, and interrupted it
            if (connection != null) {
                connection.close();
            }
            SQLException refused = refusal();
            throw refused != null ? refused : new Refused("the database became unreachable while waiting for a "
                    + "connection");
        }
        if (failure != null) {
            failed(failure);
            throw failure;
        }
        return connection;
    }

    /**
     * A caller inside the pool's {@code getConnection()}. When the gate closes it is interrupted (the pool then gives
     * up at once instead of at its timeout, the write timeout: under a pool that cannot connect, a caller that came
     * just before the failure would otherwise hold its request thread that long); the interrupt is cleared again on
     * its way out, under the same lock, so that it never reaches the request.
     */
    private static final class Waiter {
        private final Thread thread;
        private boolean leaving;
        private boolean interrupted;

        Waiter(Thread thread) {
            this.thread = thread;
        }

        synchronized void interrupt() {
            if (!leaving) {
                interrupted = true;
                thread.interrupt();
            }
        }

        /** Called by the caller itself once out of the pool: whether it was interrupted (the flag is cleared). */
        synchronized boolean left() {
            leaving = true;
            if (interrupted) {
                Thread.interrupted();
            }
            return interrupted;
        }
    }

    /**
     * While the gate is closed, the failure to give a caller instead of a connection (counted as one refused); else
     * null. For a caller that would wait for a connection elsewhere first (the group writer's queue).
     */
    SQLException refusal() {
        if (downSince == NOT_DOWN) {
            return null;
        }
        refused.increment();
        return new Refused("the database is unreachable: refused at once until it answers again");
    }

    /**
     * A caller turned away because the database is known unreachable: it waited for nothing and nothing of its write
     * reached the database, so its writer reports it as not written rather than as timed out.
     */
    static final class Refused extends SQLTransientConnectionException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, "08001");
        }
    }

    /**
     * Runs {@code action} each time the gate closes for an outage, on the thread that reported the failure, after the
     * gate closed: the group writer fails the writes still queued then.
     */
    void onOutage(Runnable action) {
        onOutage.add(action);
    }

    /** A connection or a statement failed: when the connection failed, the gate closes until a trial answers. */
    void failed(Throwable failure) {
        // the gate's own refusal says nothing of the database: a caller refused during an outage may report it
        // after a trial reopened the gate, and closing it again would be a second outage (and log line) that is none
        if (!canClose || !isConnectionFailure(failure) || isRefusal(failure) || isDown()) {
            return;
        }
        synchronized (this) {
            if (isDown() || shut) {
                return;
            }
            downSince = Math.max(nanoTime.getAsLong(), NOT_DOWN + 1);
            outages.increment();
            refused.reset();
            trialThread = new Thread(this::runTrials, "grantsmith-db-trial");
            trialThread.setDaemon(true);
            trialThread.start();
        }
        waiting.forEach(Waiter::interrupt);
        LOG.warn("The database {} is unreachable ({}): requests that need it fail at once with server_error, "
                + "and /health answers 503, until it answers SELECT 1 again (tried every {} ms)", database,
                failure.getMessage(), TRIAL_INTERVAL_MILLIS);
        for (Runnable action : onOutage) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("Failing what waited for the database failed", e);
            }
        }
    }

    boolean isDown() {
        return downSince != NOT_DOWN;
    }

    /** How many times the gate has closed since it was made (each outage once, however many callers failed). */
    long outages() {
        return outages.sum();
    }

    /** Trials until one answers (then opens the gate) or the gate is closed. */
    private void runTrials() {
        for (int attempt = 1; !shut; attempt++) {
            long startedAt = nanoTime.getAsLong();
            try {
                trial.run();
                reopened(attempt);
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Trial {}: the database {} is still unreachable", attempt, database, e);
            } catch (InterruptedException e) {
                return; // closed
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - startedAt);
            try {
                pause.sleep(Math.max(0, TRIAL_INTERVAL_MILLIS - waited));
            } catch (InterruptedException e) {
                return; // closed
            }
        }
    }

    private void reopened(int trials) {
        long since;
        synchronized (this) {
            if (shut) {
                return;
            }
            since = downSince;
            downSince = NOT_DOWN;
            trialThread = null;
        }
        LOG.info("The database {} is reachable again after {} ms (answered trial {}); {} requests were refused at "
                + "once meanwhile", database, TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - since), trials,
                refused.sum());
    }

    /**
     * Stops the trial thread (the store is closing), waiting a little for it to end; no new one starts. The pool is
     * closed after this, by its owner.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            shut = true;
            running = trialThread;
            trialThread = null;
        }
        if (running == null) {
            return;
        }
        running.interrupt(); // ends a pause, and a wait for a connection inside the pool
        boolean interrupted = false;
        try {
            running.join(CLOSE_WAIT_MILLIS); // a statement on the socket ends within its network timeout
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: the running trial thread, or null. */
    synchronized Thread trialThread() {
        return trialThread;
    }

    /**
     * {@code SELECT 1} on a connection of {@code pool}, waiting at most {@value #TRIAL_TIMEOUT_MILLIS} ms for the answer
     * (the pool restores the connection's own network timeout when it comes back). A connection that fails so is
     * dropped by the pool (HikariCP evicts one that failed with SQLSTATE 08).
     */
    static void selectOne(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, TRIAL_TIMEOUT_MILLIS);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT 1")) {
                if (!rows.next()) {
                    throw new SQLException("SELECT 1 answered no row", "08006");
                }
            }
        }
    }

    /** Whether the failure is (or was caused by) this gate turning a caller away. */
    static boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused) {
                return true;
            }
        }
        return false;
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
