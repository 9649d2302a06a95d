package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gate before the PostgreSQL pool: after a connection failure it refuses every caller at once, whatever the pool
 * holds, until its trial thread reaches the database; closing it stops that thread. The trial, the pause between
 * trials and the clock are the test's: each step waits for the gate to ask for the next, never for time to pass.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionGateTest {
    private static final Connection CONNECTION = (Connection) Proxy.newProxyInstance(
            ConnectionGateTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
    private static final SQLException RESET = new SQLException("An I/O error occurred while sending to the backend.",
            "08006");

    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private volatile SQLException failure;
    private final DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                if (!method.getName().equals("getConnection")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                asked.incrementAndGet();
                if (failure != null) {
                    throw failure;
                }
                return CONNECTION;
            });
    /** Each trial announces itself here ... */
    private final BlockingQueue<Integer> trials = new LinkedBlockingQueue<>();
    /** ... and waits for its outcome here: empty for an answer, else the failure it throws. */
    private final BlockingQueue<Optional<SQLException>> outcomes = new LinkedBlockingQueue<>();
    /** Each pause between trials announces how long it would wait ... */
    private final BlockingQueue<Long> pauses = new LinkedBlockingQueue<>();
    /** ... and waits for a permit here. */
    private final Semaphore resume = new Semaphore(0);
    private final AtomicInteger trialCount = new AtomicInteger();
    private final ConnectionGate gate = new ConnectionGate(pool, "jdbc:postgresql://db/x?…", () -> {
        trials.add(trialCount.incrementAndGet());
        Optional<SQLException> outcome = outcomes.take();
        if (outcome.isPresent()) {
            throw outcome.get();
        }
    }, millis -> {
        pauses.add(millis);
        resume.acquire();
    }, now::get);

    @AfterEach
    void tearDown() {
        gate.close();
    }

    @Test
    void whenAConnectionFailsThenEveryCallerIsRefusedAtOnceWithoutAskingThePoolThoughItHoldsConnections()
            throws Exception {
        assertThat(gate.connect()).isSameAs(CONNECTION);
        int askedBefore = asked.get();

        gate.failed(new IllegalStateException("saveAccessToken failed", RESET));

        assertThat(gate.isDown()).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(gate::connect).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("the database is unreachable")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
        }
        assertThat((Object) gate.refusal()).isNotNull();
        assertThat(asked.get()).as("connections asked of the pool while refusing").isEqualTo(askedBefore);
    }

    @Test
    void whenTheFailureIsSeenThenATrialRunsAtOnceAndAfterItAPauseOfTheRestOfTheIntervalUntilOneAnswers()
            throws Exception {
        gate.failed(RESET);
        assertThat(trials.take()).as("the first trial, at once").isEqualTo(1);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(300)); // the trial took 300 ms
        outcomes.add(Optional.of(new SQLException("connect timed out", "08001")));

        assertThat(pauses.take()).as("the rest of the interval, ms").isEqualTo(ConnectionGate.TRIAL_INTERVAL_MILLIS - 300);
        assertThat(gate.isDown()).as("a failed trial leaves the gate closed").isTrue();
        assertThatThrownBy(gate::connect).isInstanceOf(SQLTransientConnectionException.class);

        resume.release();
        assertThat(trials.take()).isEqualTo(2);
        outcomes.add(Optional.of(new SQLException("Connection is not available, request timed out after 5000ms")));
        assertThat(pauses.take()).isEqualTo(ConnectionGate.TRIAL_INTERVAL_MILLIS);
        assertThat(gate.isDown()).isTrue();

        Thread trial = gate.trialThread();
        resume.release();
        assertThat(trials.take()).isEqualTo(3);
        outcomes.add(Optional.empty()); // SELECT 1 answered
        trial.join();

        assertThat(gate.isDown()).as("the answered trial opened the gate").isFalse();
        assertThat(gate.trialThread()).isNull();
        assertThat(gate.connect()).isSameAs(CONNECTION);
        assertThat(trials).as("no trial after the answer").isEmpty();
        assertThat(pauses).isEmpty();
    }

    @Test
    void whenACallerRefusedDuringTheOutageReportsItsRefusalAfterTheGateReopenedThenTheGateStaysOpen()
            throws Exception {
        AtomicInteger outages = new AtomicInteger();
        gate.onOutage(outages::incrementAndGet);
        gate.failed(RESET);
        SQLException refusal = catchThrowableOfType(gate::connect, SQLException.class);
        assertThat(trials.take()).isEqualTo(1);
        Thread trial = gate.trialThread();
        outcomes.add(Optional.empty());
        trial.join();

        // seen with a real PostgreSQL restarted under load (PostgresRestartTest): a second outage 15 ms after the
        // first ended, its cause the gate's own refusal
        gate.failed(new IllegalStateException("saveAccessToken was not written", refusal));

        assertThat(gate.isDown()).as("the gate after a late refusal report").isFalse();
        assertThat(outages.get()).isEqualTo(1);
        assertThat(trials).isEmpty();
    }

    @Test
    void whileTheTrialRunsFurtherFailuresStartNoOtherTrialAndANewOutageStartsANewOne() throws Exception {
        AtomicInteger outages = new AtomicInteger();
        gate.onOutage(outages::incrementAndGet);
        gate.failed(RESET);
        assertThat(trials.take()).isEqualTo(1);
        Thread first = gate.trialThread();

        gate.failed(RESET); // the other connections given up meanwhile
        gate.failed(new SQLException("Connection to db refused", "08001"));
        outcomes.add(Optional.empty());
        first.join();
        assertThat(outages.get()).as("outages reported to the listeners").isEqualTo(1);
        assertThat(trials).isEmpty();

        gate.failed(RESET); // a second outage
        assertThat(trials.take()).isEqualTo(2);
        assertThat(gate.trialThread()).isNotSameAs(first);
        assertThat(outages.get()).isEqualTo(2);
    }

    @Test
    void whenTheGateIsClosedDuringAPauseThenTheTrialThreadEndsAndNoTrialRunsAgain() throws Exception {
        gate.failed(RESET);
        trials.take();
        outcomes.add(Optional.of(RESET));
        pauses.take();
        Thread trial = gate.trialThread();

        gate.close();

        trial.join(TimeUnit.SECONDS.toMillis(10)); // close() waits for it already; this only bounds the test
        assertThat(trial.isAlive()).as("the trial thread after close()").isFalse();
        assertThat(trials).isEmpty();
        gate.failed(RESET); // a failure reported by a request still running while the store closes
        assertThat(gate.trialThread()).as("no trial starts after close").isNull();
    }

    @Test
    void whenTheGateIsClosedDuringATrialThenTheTrialThreadEnds() throws Exception {
        gate.failed(RESET);
        trials.take(); // the trial waits for its outcome, as one waits for a connection inside the pool
        Thread trial = gate.trialThread();

        gate.close();

        trial.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(trial.isAlive()).isFalse();
        assertThat(pauses).isEmpty();
    }

    @Test
    void whenTheGateClosesThenACallerWaitingInsideThePoolIsRefusedAtOnceAndKeepsNoInterrupt() throws Exception {
        CountDownLatch inPool = new CountDownLatch(1);
        DataSource waitingPool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    inPool.countDown();
                    try {
                        new CountDownLatch(1).await(); // as HikariCP waits for a connection that cannot come
                        return CONNECTION;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // as HikariCP does
                        throw new SQLException("grantsmith-postgres - Interrupted during connection acquisition", e);
                    }
                });
        try (ConnectionGate waitingGate = new ConnectionGate(waitingPool, "db", () -> outcomes.take().ifPresent(
                e -> { }), millis -> resume.acquire(), now::get)) {
            CompletableFuture<String> caller = CompletableFuture.supplyAsync(() -> {
                try {
                    waitingGate.connect();
                    return "connected";
                } catch (SQLException e) {
                    return e.getSQLState() + " " + e.getMessage() + ", interrupted: "
                            + Thread.currentThread().isInterrupted();
                }
            });
            assertThat(inPool.await(10, TimeUnit.SECONDS)).isTrue();

            waitingGate.failed(RESET); // another caller's connection failed

            assertThat(caller.get(10, TimeUnit.SECONDS)).as("refused, not left waiting the pool's timeout")
                    .startsWith("08001 the database is unreachable").endsWith("interrupted: false");
            outcomes.add(Optional.empty());
        }
    }

    @Test
    void whenThePoolIsMerelyExhaustedOrAStatementFailsThenTheGateStaysOpen() throws Exception {
        failure = new SQLTransientConnectionException("grantsmith-postgres - Connection is not available, request "
                + "timed out after 5000ms (total=16, active=16, idle=0, waiting=40)");
        assertThatThrownBy(gate::connect).isSameAs(failure);
        gate.failed(new SQLException("duplicate key value violates unique constraint", "23505"));
        gate.failed(new SQLException("canceling statement due to statement timeout", "57014"));

        assertThat(gate.isDown()).isFalse();
        assertThat(gate.trialThread()).isNull();
        failure = null;
        assertThat(gate.connect()).isSameAs(CONNECTION);
    }

    @Test
    void whenThePoolCannotConnectThenTheCallerGetsThatFailureAndTheGateCloses() throws Exception {
        failure = new SQLTransientConnectionException("grantsmith-postgres - Connection is not available, request "
                + "timed out after 5000ms", "08001", new SQLException("Connection to db refused", "08001"));

        assertThatThrownBy(gate::connect).isSameAs(failure);

        assertThat(gate.isDown()).isTrue();
        assertThat(trials.take()).isEqualTo(1);
    }

    @Test
    void theAlwaysOpenGateOfSqliteNeverRefuses() throws Exception {
        try (ConnectionGate open = ConnectionGate.alwaysOpen(pool)) {
            open.failed(RESET);

            assertThat(open.isDown()).isFalse();
            assertThat(open.trialThread()).isNull();
            assertThat(open.connect()).isSameAs(CONNECTION);
        }
    }
}
