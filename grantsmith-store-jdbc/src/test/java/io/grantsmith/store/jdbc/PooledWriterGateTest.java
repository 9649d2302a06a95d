package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.StoreException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pooled writer behind a closed {@link ConnectionGate}: a write refused at once is reported as not written (it
 * waited for nothing), counted as failed, not as timed out, and keeps the store failing until a write commits.
 */
class PooledWriterGateTest {
    private static final SQLException RESET = new SQLException("An I/O error occurred while sending to the backend.",
            "08006");

    private final AtomicInteger connectionsAsked = new AtomicInteger();
    private final DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                connectionsAsked.incrementAndGet();
                throw new AssertionError("a closed gate asks the pool for nothing");
            });
    /** The trial never answers during the test: the gate stays closed. */
    private final CountDownLatch trialAnswers = new CountDownLatch(1);
    private final ConnectionGate gate = new ConnectionGate(pool, "jdbc:postgresql://db/x", trialAnswers::await,
            Thread::sleep, System::nanoTime);
    private final PooledWriter writer = new PooledWriter(gate, () -> 0, Dialect.POSTGRESQL, Duration.ofSeconds(60));

    @AfterEach
    void tearDown() {
        writer.close();
        trialAnswers.countDown();
        gate.close();
    }

    @Test
    void whileTheGateIsClosedAWriteIsReportedAsNotWrittenAndCountedAsFailedNotTimedOut() {
        gate.failed(RESET); // found by a read

        assertThatThrownBy(() -> writer.submit("issue token", context -> 1)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("issue token was not written: the database is unreachable")
                .hasMessageNotContaining("did not commit within")
                .hasCauseInstanceOf(ConnectionGate.Refused.class);

        assertThat(connectionsAsked).hasValue(0);
        assertThat(writer.opsFailed()).isEqualTo(1);
        assertThat(writer.opsTimedOut()).isZero();
        assertThat(writer.isFailing()).isTrue();
    }
}
