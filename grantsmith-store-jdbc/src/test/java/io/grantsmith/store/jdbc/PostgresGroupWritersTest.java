package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.TestPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group writer on PostgreSQL as the store runs it there: a batch's {@link SingleUpdate}s of one SQL text go to the
 * server as one JDBC batch, each keeping its own result; several writer threads drain one queue; a writer gives its
 * connection back after the source's hold time. The writer runs on connections of the test's own, which record the
 * size of every JDBC batch sent.
 */
class PostgresGroupWritersTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresGroupWritersTest.class);
    private static final String INSERT = "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String TAKE_SLOT = "UPDATE settings SET value = ? WHERE name = 'slot' AND value = 'free'";

    private final CountingSource source = new CountingSource();
    private GroupCommitWriter writer;

    @BeforeAll
    static void migrate() {
        JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA)).close();
    }

    @BeforeEach
    void empty() {
        SCHEMA.truncate();
    }

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private GroupCommitWriter start(int writers) {
        writer = GroupCommitWriter.start(null, source, TransactionSql.postgres(), Dialect.POSTGRESQL, 256, 4096,
                Duration.ofSeconds(5), writers);
        return writer;
    }

    @Test
    void whenABatchMixesInsertsAFailingInsertAndConditionalUpdatesThenEachWriteGetsItsOwnResult() throws Exception {
        start(1);
        put("dup", "first");
        put("slot", "free");
        CompletionStage<Integer> a;
        CompletionStage<Integer> duplicate;
        CompletionStage<Integer> failing;
        CompletionStage<Integer> b;
        CompletionStage<Integer> winner;
        CompletionStage<Integer> loser;
        long batchesBefore;
        try (WriterGate gate = WriterGate.close(writer)) {
            a = insert("a", "1");
            duplicate = insert("dup", "second");
            failing = insert(null, "no name: violates NOT NULL");
            b = insert("b", "2");
            winner = writer.submitAsync("winner", counted(TAKE_SLOT, Params.of().text("winner")));
            loser = writer.submitAsync("loser", counted(TAKE_SLOT, Params.of().text("loser")));
            gate.awaitQueued(6);
            batchesBefore = writer.batchesCommitted();
            source.batchSizes.clear();
        }

        assertThat(join(a)).isEqualTo(1);
        assertThat(join(duplicate)).as("inserted nothing: its own count, not its neighbours'").isZero();
        assertThat(join(b)).isEqualTo(1);
        assertThat(join(winner)).isEqualTo(1);
        assertThat(join(loser)).as("the slot was taken earlier in the same transaction").isZero();
        assertThatThrownBy(() -> join(failing)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(Dialect.sqlState(e)).isEqualTo("23502"));
        assertThat(value("a")).isEqualTo("1");
        assertThat(value("b")).isEqualTo("2");
        assertThat(value("dup")).isEqualTo("first");
        assertThat(value("slot")).isEqualTo("winner");
        assertThat(source.batchSizes).as("the four INSERTs, failing at the third; the three again, then the UPDATEs")
                .containsExactly(4, 3, 2);
        assertThat(writer.batchesCommitted() - batchesBefore)
                .as("the gate's, then the others together; the failed one failed alone").isEqualTo(2);
        assertThat(writer.opsFailed()).isEqualTo(1);
    }

    @Test
    void whenOneWriterIsHeldThenAnotherTakesTheWrites() throws Exception {
        start(2);
        try (WriterGate gate = WriterGate.close(writer)) {
            assertThat(join(insert("while-held", "1"))).isEqualTo(1);
            assertThat(value("while-held")).isEqualTo("1");
        }
    }

    @Test
    void whenManyCallersWriteAtOnceThenEveryWriteCommitsOnce() throws Exception {
        start(3);
        int callers = 8;
        int each = 100;
        List<Thread> threads = new ArrayList<>();
        List<Integer> results = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    results.add(writer.submit("insert",
                            counted(INSERT, Params.of().text(caller + "-" + i).text("v"))));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(results).hasSize(callers * each).containsOnly(1);
        assertThat(rows()).isEqualTo(callers * each);
        assertThat(writer.opsCommitted()).isEqualTo(callers * each);
    }

    @Test
    void whenClosedWithWritesQueuedThenSeveralWritersCommitThemAllAndStop() throws Exception {
        start(3);
        List<CompletionStage<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writes.add(insert("queued-" + i, "v"));
        }
        writer.close();

        for (CompletionStage<Integer> write : writes) {
            assertThat(join(write)).isEqualTo(1);
        }
        assertThat(rows()).isEqualTo(200);
        assertThat(writer.isAlive()).isFalse();
        assertThatThrownBy(() -> writer.submit("late", context -> 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void whenAWriterDiesOfAnErrorInTheBatchThatTookTheStopMarkerThenCloseStillStopsTheOtherWriter() throws Exception {
        start(2);
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            CompletionStage<Integer> broken;
            Future<?> closed;
            try (WriterGate first = WriterGate.close(writer)) {
                try (WriterGate second = WriterGate.close(writer)) {
                    broken = writer.submitAsync("broken", context -> {
                        throw new AssertionError("a bug in a write");
                    });
                    closed = closer.submit(writer::close);
                    second.awaitQueued(2); // the broken write, then the stop marker
                    first.close(); // its writer takes both in one batch and dies of the Error
                    awaitQueueEmpty();
                }
            }

            closed.get(20, TimeUnit.SECONDS);
            assertThat(writer.isAlive()).isFalse();
            assertThatThrownBy(() -> join(broken)).isInstanceOf(StoreException.class)
                    .hasRootCauseInstanceOf(AssertionError.class);
        } finally {
            closer.shutdownNow();
        }
    }

    @Test
    void whenAnotherWriterCommitsATransactionThatBeganBeforeTheFailureThenTheStoreStaysFailing() throws Exception {
        start(2);
        try (WriterGate gate = WriterGate.close(writer)) { // one writer holds a transaction begun before the failure
            source.failOpens = true; // the other writer's first connection: the database fails its transaction
            assertThatThrownBy(() -> join(insert("refused", "v"))).isInstanceOf(StoreException.class);
            assertThat(writer.isFailing()).isTrue();
            source.failOpens = false;
        }
        assertThat(writer.isFailing()).as("a commit of a transaction older than the failure shows nothing").isTrue();

        assertThat(join(insert("after", "v"))).isEqualTo(1);
        assertThat(writer.isFailing()).as("a transaction begun after the failure committed").isFalse();
    }

    private void awaitQueueEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.queueDepth() > 0) {
            assertThat(System.nanoTime()).as("the queue drained in time").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void whenAWriteOnAWriterThreadSubmitsABlockingWriteThenThatThrowsAndOnlyThisWriteFails() throws Exception {
        start(2);
        CompletionStage<Integer> nested = writer.submitAsync("nested",
                context -> writer.submit("inner", inner -> inner.update(INSERT, Params.of().text("inner").text("v"))));

        assertThatThrownBy(() -> join(nested)).isInstanceOf(StoreException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("from the writer thread itself");
        assertThat(join(insert("after", "1"))).isEqualTo(1);
        assertThat(value("inner")).isNull();
    }

    @Test
    void whenAWriterHasHeldItsConnectionLongerThanTheSourceAllowsThenItGivesItBackAndTakesAnother() throws Exception {
        source.maxHoldNanos = 0;
        start(1);
        for (int i = 0; i < 3; i++) {
            assertThat(writer.submit("insert", counted(INSERT, Params.of().text("k" + i).text("v")))).isEqualTo(1);
        }

        assertThat(source.opened).as("a connection for each transaction").hasValue(3);
        assertThat(source.released).as("each but the last given back healthy").hasValue(2);
        assertThat(rows()).isEqualTo(3);
    }

    /** A write whose result is its statement's update count. */
    private static SingleUpdate<Integer> counted(String sql, Params params) {
        return new SingleUpdate<>(sql, params, count -> count);
    }

    private CompletionStage<Integer> insert(String name, String value) {
        return writer.submitAsync("insert", counted(INSERT, Params.of().text(name).text(value)));
    }

    private void put(String name, String value) {
        assertThat(writer.submit("put", counted(INSERT, Params.of().text(name).text(value))))
                .isEqualTo(1);
    }

    private static String value(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SCHEMA.url());
                PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static int rows() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SCHEMA.url());
                Statement count = connection.createStatement();
                ResultSet rows = count.executeQuery("SELECT count(*) FROM settings")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static <T> T join(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Connections to the test schema whose prepared statements record the size of each JDBC batch sent. */
    private static final class CountingSource implements ConnectionSource {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        volatile long maxHoldNanos = Long.MAX_VALUE;
        volatile boolean failOpens;

        @Override
        public Connection open() throws SQLException {
            if (failOpens) {
                throw new SQLException("the database is down", "08006");
            }
            opened.incrementAndGet();
            Connection real = DriverManager.getConnection(SCHEMA.url());
            return proxy(Connection.class, real, (method, args) -> {
                Object result = method.invoke(real, args);
                return method.getName().equals("prepareStatement") ? counting((PreparedStatement) result) : result;
            });
        }

        @Override
        public long maxHoldNanos() {
            return maxHoldNanos;
        }

        @Override
        public void release(Connection connection) throws SQLException {
            released.incrementAndGet();
            connection.close();
        }

        private PreparedStatement counting(PreparedStatement real) {
            AtomicInteger added = new AtomicInteger();
            return proxy(PreparedStatement.class, real, (method, args) -> {
                if (method.getName().equals("addBatch")) {
                    added.incrementAndGet();
                } else if (method.getName().equals("executeBatch")) {
                    batchSizes.add(added.getAndSet(0));
                }
                return method.invoke(real, args);
            });
        }

        @FunctionalInterface
        private interface Call {
            Object invoke(java.lang.reflect.Method method, Object[] args) throws Exception;
        }

        private static <T> T proxy(Class<T> type, T real, Call call) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        try {
                            return call.invoke(method, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        }
    }
}
