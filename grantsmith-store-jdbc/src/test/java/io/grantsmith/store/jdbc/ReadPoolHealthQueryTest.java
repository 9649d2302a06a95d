package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /health}'s {@code SELECT 1} ({@link ReadPool#answers}) is given up a second after its query timeout even when
 * the driver hangs in it and honours neither the query timeout nor the network timeout (across a silent partition
 * the cancel request behind a query timeout gets nowhere either). Without that bound {@code /health} would wait as
 * long as the driver does: here, for ever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadPoolHealthQueryTest {
    private static final int QUERY_TIMEOUT_SECONDS = 1;
    /** The query timeout and the second after it, and room for a loaded machine; a hang is for ever. */
    private static final long ANSWER_WITHIN_MILLIS = 10_000;

    private final CountDownLatch driverHangs = new CountDownLatch(1);
    private final CountDownLatch queryStarted = new CountDownLatch(1);
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicReference<Thread> queryThread = new AtomicReference<>();
    private volatile boolean hang = true;
    private final DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> connection());
    private final ReadPool reads = new ReadPool(() -> { }, ConnectionGate.alwaysOpen(pool));

    @AfterEach
    void tearDown() {
        driverHangs.countDown();
        reads.close();
    }

    @Test
    void whenTheDriverHangsInTheHealthQueryThenItsCallerIsAnsweredFalseOneSecondAfterTheQueryTimeout()
            throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> reads.answers(QUERY_TIMEOUT_SECONDS));

        assertThat(answer.get(ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS)).isFalse();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(queryStarted.await(0, TimeUnit.SECONDS)).as("the query ran and hangs").isTrue();
        assertThat(tookMillis).as("given up no sooner than the query timeout and the second after it, ms")
                .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toMillis(QUERY_TIMEOUT_SECONDS) + ReadPool.HEALTH_GRACE_MILLIS
                        - 50);
    }

    @Test
    void whileTheHealthQueryStillHangsTheNextCheckWaitsForItInsteadOfStartingAnother() throws Exception {
        assertThat(reads.answers(QUERY_TIMEOUT_SECONDS)).isFalse();

        assertThat(CompletableFuture.supplyAsync(() -> reads.answers(QUERY_TIMEOUT_SECONDS))
                .get(ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(queries).as("queries sent; the first still hangs").hasValue(1);

        hang = false;
        driverHangs.countDown(); // the driver gives up at last; a check after that asks again
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_WITHIN_MILLIS);
        boolean answered = false;
        while (!answered && System.nanoTime() - deadline < 0) {
            answered = reads.answers(QUERY_TIMEOUT_SECONDS); // false while the hung query's failure is on its way
        }
        assertThat(answered).as("a new query, answered").isTrue();
        assertThat(queries).hasValue(2);
    }

    @Test
    void closingTheReadPoolEndsTheHealthQueryThread() throws Exception {
        assertThat(reads.answers(QUERY_TIMEOUT_SECONDS)).isFalse();
        Thread thread = queryThread.get();

        reads.close();

        thread.join(TimeUnit.SECONDS.toMillis(10)); // the hung query is interrupted
        assertThat(thread.isAlive()).isFalse();
        assertThat(reads.answers(QUERY_TIMEOUT_SECONDS)).as("after close").isFalse();
    }

    private Connection connection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("prepareStatement") ? statement() : null);
    }

    /** A statement whose query hangs until the test lets it go, whatever its timeouts say. */
    private PreparedStatement statement() {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("executeQuery")) {
                        return null;
                    }
                    queries.incrementAndGet();
                    queryThread.set(Thread.currentThread());
                    queryStarted.countDown();
                    if (hang) {
                        driverHangs.await(); // an interrupt (the pool closing) ends it, as in a real blocked read
                        throw new java.sql.SQLException("An I/O error occurred while sending to the backend.",
                                "08006");
                    }
                    return oneRow();
                });
    }

    private ResultSet oneRow() {
        AtomicInteger next = new AtomicInteger();
        return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "next" -> next.getAndIncrement() == 0;
                    case "getInt" -> 1;
                    default -> null;
                });
    }
}
