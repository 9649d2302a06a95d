package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.StoreException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The group writer on PostgreSQL behind the {@link ConnectionGate}, with a fake pool whose statements hang as on a
 * socket across a silent partition until the test lets each fail with a connection failure (08006). The write
 * timeout is long (60 s), so a write that is not failed at once would hold the test past its waits (10 s).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitWriterGateTest {
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);
    private static final long WAIT_SECONDS = 10;
    private static final SQLException RESET = new SQLException("An I/O error occurred while sending to the backend.",
            "08006");

    /** Each hung statement's release, in the order they began. */
    private final BlockingQueue<CountDownLatch> hung = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Every hung statement's release, for the tear-down (the test takes them off {@link #hung}). */
    private final List<CountDownLatch> allHung = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean hangs = true;
    private final AtomicInteger connectionsAsked = new AtomicInteger();
    private final BlockingQueue<Optional<SQLException>> trialOutcomes = new java.util.concurrent.LinkedBlockingQueue<>();
    private final DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                connectionsAsked.incrementAndGet();
                return connection();
            });
    private final ConnectionGate gate = new ConnectionGate(pool, "jdbc:postgresql://db/x?…", () -> {
        Optional<SQLException> outcome = trialOutcomes.take();
        if (outcome.isPresent()) {
            throw outcome.get();
        }
    }, Thread::sleep, System::nanoTime);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommitWriter writer;

    @AfterEach
    void tearDown() {
        hangs = false;
        allHung.forEach(CountDownLatch::countDown);
        trialOutcomes.add(Optional.empty());
        if (writer != null) {
            writer.close();
        }
        gate.close();
        callers.shutdownNow();
    }

    /**
     * The writer also takes back a write it queued just as the gate closed, so that the queue is empty afterwards
     * either way: what shows that a write was refused before it was queued is the queue's depth whenever the writer
     * asks the gate, which is 0 only when it asks before queueing.
     */
    @Test
    void whileTheGateIsClosedAWriteIsRefusedBeforeItIsQueuedBehindTheHungBatchAndNeverRuns() throws Exception {
        List<Integer> depthsWhenAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
        writer = GroupCommitWriter.start(null, askingRecordsTheQueueDepth(depthsWhenAsked), TransactionSql.postgres(),
                Dialect.POSTGRESQL, 64, 1024, WRITE_TIMEOUT, 1);
        CompletableFuture<Integer> hungWrite = submitAsync("first"); // the one writer waits on a dead socket
        CountDownLatch release = hung.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(release).isNotNull();
        gate.failed(RESET); // found by a read
        depthsWhenAsked.clear(); // the writer's sweep of the queue on the outage asked too
        AtomicBoolean ran = new AtomicBoolean();
        WriteOp<Integer> op = context -> {
            ran.set(true);
            return 1;
        };

        CompletableFuture<Integer> blocking = CompletableFuture.supplyAsync(() -> writer.submit("blocking", op),
                callers);
        assertThatThrownBy(() -> blocking.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("not queued behind the hung batch")
                .isInstanceOf(ExecutionException.class).hasMessageContaining("the database is unreachable")
                .satisfies(e -> assertThat(Dialect.sqlState(e)).isEqualTo("08001"));
        CompletableFuture<Integer> async = writer.submitAsync("async", op).toCompletableFuture();

        assertThat(async).as("failed before it returned").isCompletedExceptionally();
        assertThat(ran).isFalse();
        assertThat(depthsWhenAsked).as("the queue's depth each time the writer asked the gate: before queueing")
                .containsExactly(0, 0);
        assertThat(writer.queueDepth()).isZero();
        assertThat(writer.opsFailed()).isEqualTo(2);
        assertThat(writer.isFailing()).as("not ready until a transaction commits again").isTrue();

        hangs = false;
        release.countDown();
        assertThatThrownBy(() -> hungWrite.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        trialOutcomes.add(Optional.empty()); // the database answers again
        awaitOpen();
        assertThat(writer.submit("after", op)).isEqualTo(1);
        assertThat(ran).isTrue();
        assertThat(writer.isFailing()).isFalse();
    }

    @Test
    void whenAReadFindsTheDatabaseUnreachableThenWritesQueuedBehindHungBatchesFailAtOnce() throws Exception {
        writer = start(2);
        // one at a time, so that each writer takes one (else the first could take both into one batch)
        CompletableFuture<Integer> firstOne = submitAsync("first-1");
        CountDownLatch one = hung.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<Integer> firstTwo = submitAsync("first-2");
        CountDownLatch two = hung.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(two).as("both writers hold a batch on a dead connection").isNotNull();
        List<CompletableFuture<Integer>> first = List.of(firstOne, firstTwo);
        List<CompletableFuture<Integer>> queued = queue();

        gate.failed(new StoreException("current service failed", RESET)); // a read gave up its connection

        assertFailAtOnce(queued);
        assertThat(first).as("the hung batches still wait").noneMatch(CompletableFuture::isDone);
        one.countDown();
        two.countDown();
        for (CompletableFuture<Integer> write : first) {
            assertThatThrownBy(() -> write.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(StoreException.class);
        }
    }

    @Test
    void whenOneWritersBatchFailsWithAConnectionFailureThenTheWritesQueuedBehindTheOtherHungOneFailAtOnce()
            throws Exception {
        writer = start(2);
        CompletableFuture<Integer> failing = submitAsync("first-1");
        CountDownLatch one = hung.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<Integer> stillHung = submitAsync("first-2");
        assertThat(hung.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("the other writer's batch hangs too").isNotNull();
        List<CompletableFuture<Integer>> queued = queue();

        one.countDown(); // its socket timeout passes: 08006

        assertThatThrownBy(() -> failing.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(Dialect.sqlState(e)).isEqualTo("08006"));
        assertFailAtOnce(queued);
        assertThat(gate.isDown()).isTrue();
        assertThat(stillHung).isNotDone();
    }

    private GroupCommitWriter start(int writers) {
        return GroupCommitWriter.start(null, ConnectionSource.pooled(gate, connection -> { }), TransactionSql.postgres(),
                Dialect.POSTGRESQL, 64, 1024, WRITE_TIMEOUT, writers);
    }

    /** The test's pooled source behind the gate, recording the writer's queue depth each time it asks for a refusal. */
    private ConnectionSource askingRecordsTheQueueDepth(List<Integer> depths) {
        ConnectionSource pooled = ConnectionSource.pooled(gate, connection -> { });
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return pooled.open();
            }

            @Override
            public boolean isUsable(Connection connection) {
                return pooled.isUsable(connection);
            }

            @Override
            public void discard(Connection connection) throws SQLException {
                pooled.discard(connection);
            }

            @Override
            public long maxHoldNanos() {
                return pooled.maxHoldNanos();
            }

            @Override
            public void release(Connection connection) throws SQLException {
                pooled.release(connection);
            }

            @Override
            public void failed(Throwable failure) {
                pooled.failed(failure);
            }

            @Override
            public SQLException refusal() {
                SQLException refusal = pooled.refusal();
                if (refusal != null) {
                    depths.add(writer.queueDepth());
                }
                return refusal;
            }

            @Override
            public void onOutage(Runnable action) {
                pooled.onOutage(action);
            }
        };
    }

    private CompletableFuture<Integer> submitAsync(String name) {
        return writer.submitAsync(name, context -> context.update("UPDATE t SET v = ?", Params.of().text(name)))
                .toCompletableFuture();
    }

    /** Two blocking and two asynchronous writes, queued behind the hung batches. */
    private List<CompletableFuture<Integer>> queue() throws InterruptedException {
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = "blocking-" + i;
            queued.add(CompletableFuture.supplyAsync(() -> writer.submit(name,
                    context -> context.update("UPDATE t SET v = ?", Params.of().text(name))), callers));
            queued.add(submitAsync("async-" + i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (writer.queueDepth() < queued.size() && System.nanoTime() - deadline < 0) {
            Thread.sleep(5); // waits for the blocking callers to queue; no outcome depends on how long
        }
        assertThat(writer.queueDepth()).as("queued").isEqualTo(queued.size());
        return queued;
    }

    /** Each fails well before the write timeout, with the gate's refusal. */
    private static void assertFailAtOnce(List<CompletableFuture<Integer>> writes) {
        for (CompletableFuture<Integer> write : writes) {
            assertThatThrownBy(() -> write.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(Dialect.sqlState(e)).isEqualTo("08001"))
                    .hasMessageContaining("the database is unreachable");
        }
    }

    private void awaitOpen() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (gate.isDown() && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        assertThat(gate.isDown()).isFalse();
    }

    /**
     * A connection whose statements hang while {@link #hangs}, each until released, and then fail with 08006; after
     * that every statement on it fails at once, as on a connection the driver closed.
     */
    private Connection connection() {
        AtomicBoolean broken = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> statement(PreparedStatement.class, broken);
                    case "createStatement" -> statement(Statement.class, broken);
                    case "isValid" -> !broken.get();
                    default -> defaultValue(method.getReturnType());
                });
    }

    private <T extends Statement> T statement(Class<T> type, AtomicBoolean broken) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        if (broken.get()) {
                            throw new SQLException("This connection has been closed.", "08003");
                        }
                        if (hangs) {
                            broken.set(true);
                            CountDownLatch release = new CountDownLatch(1);
                            allHung.add(release);
                            hung.add(release);
                            while (!release.await(10, TimeUnit.MILLISECONDS) && hangs) {
                                // hangs until released, or until the tear-down ends every hang
                            }
                            throw RESET;
                        }
                        return method.getReturnType() == boolean.class ? (Object) false : (Object) 1;
                    }
                    return defaultValue(method.getReturnType());
                }));
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
