package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The gate before the PostgreSQL pool: fails at once while the database is away, and only then. */
class ConnectionGateTest {
    private static final Connection CONNECTION = (Connection) Proxy.newProxyInstance(
            ConnectionGateTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> null);

    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger(2);
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
    private final ConnectionGate gate = new ConnectionGate(pool, open::get, "jdbc:postgresql://db/x", now::get);

    @Test
    void whenTheDatabaseRefusedAndThePoolHoldsNoConnectionThenCallersAreRefusedWithoutAskingThePool()
            throws Exception {
        failure = new SQLException("Connection to db refused", "08001");
        assertThatThrownBy(gate::connect).isSameAs(failure);
        open.set(0);
        int askedBefore = asked.get();

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(gate::connect).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("the database is unreachable")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
        }

        assertThat(gate.isDown()).isTrue();
        assertThat(asked.get()).as("connections asked of the pool while refusing").isEqualTo(askedBefore);
    }

    @Test
    void whenTheTrialIntervalHasPassedThenOneBackgroundTrialAsksThePoolWhileCallersAreStillRefused()
            throws Exception {
        failure = new SQLException("Connection to db refused", "08001");
        assertThatThrownBy(gate::connect).isSameAs(failure);
        open.set(0);
        int askedBefore = asked.get();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ConnectionGate.TRIAL_INTERVAL_MILLIS));

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(gate::connect).isInstanceOf(SQLTransientConnectionException.class);
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (asked.get() == askedBefore && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(asked.get()).as("trials").isEqualTo(askedBefore + 1);
    }

    @Test
    void whenThePoolHoldsConnectionsAgainThenCallersGoThroughAndASuccessEndsTheOutage() throws Exception {
        failure = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        gate.failed(new IllegalStateException("saveAccessToken failed", failure));
        failure = null;
        open.set(1); // the pool reconnected in the background

        long mark = gate.mark();
        assertThat(gate.connect()).isSameAs(CONNECTION);
        gate.succeeded(mark);

        assertThat(gate.isDown()).isFalse();
        open.set(0);
        assertThat(gate.connect()).as("no connection failure since: ask the pool").isSameAs(CONNECTION);
    }

    @Test
    void whenThePoolIsMerelyExhaustedOrAStatementFailsThenTheGateStaysOpen() throws Exception {
        failure = new SQLTransientConnectionException("grantsmith-postgres - Connection is not available, request "
                + "timed out after 5000ms (total=16, active=16, idle=0, waiting=40)");
        assertThatThrownBy(gate::connect).isSameAs(failure);
        gate.failed(new SQLException("duplicate key value violates unique constraint", "23505"));
        gate.failed(new SQLException("canceling statement due to statement timeout", "57014"));

        assertThat(gate.isDown()).isFalse();
        failure = null;
        open.set(0);
        assertThat(gate.connect()).isSameAs(CONNECTION);
    }

    @Test
    void whenAStatementStartedBeforeTheOutageAnswersAfterItThenTheGateStaysClosed() throws Exception {
        long mark = gate.mark();
        assertThat(gate.connect()).isSameAs(CONNECTION); // a statement starts on a healthy database
        failure = new SQLException("Connection to db refused", "08001");
        gate.failed(failure); // another thread finds the database gone
        open.set(0);

        gate.succeeded(mark); // the first statement's answer arrives late

        assertThat(gate.isDown()).as("a stale success does not reopen the gate").isTrue();
        assertThatThrownBy(gate::connect).isInstanceOf(SQLTransientConnectionException.class);

        failure = null;
        open.set(1);
        long during = gate.mark();
        assertThat(gate.connect()).isSameAs(CONNECTION);
        gate.succeeded(during);
        assertThat(gate.isDown()).as("a success begun during the outage ends it").isFalse();
    }
}
