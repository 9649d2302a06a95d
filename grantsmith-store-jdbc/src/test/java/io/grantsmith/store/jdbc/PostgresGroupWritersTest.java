package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.Records;
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
import java.time.Instant;
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
 * server as one JDBC batch, or for access-token INSERTs as one array INSERT, each keeping its own result; a batch that
 * is one statement runs without BEGIN and COMMIT; several writer threads drain one queue; a writer gives its
 * connection back after the source's hold time. The writer runs on connections of the test's own, which record the
 * size of every JDBC batch sent and every statement run.
 */
class PostgresGroupWritersTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresGroupWritersTest.class);
    private static final String INSERT = "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String TAKE_SLOT = "UPDATE settings SET value = ? WHERE name = 'slot' AND value = 'free'";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final TokenRows ROWS = new TokenRows(new JsonColumns());

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

    @Test
    void whenABatchHoldsOnlyAccessTokenInsertsThenItIsOneStatementWithoutBeginOrCommitAndEachGetsItsOwnOutcome()
            throws Exception {
        start(1);
        JdbcTokenStore tokens = new JdbcTokenStore(writer, null, ROWS, new JsonColumns());
        AccessTokenRecord taken = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord chosen = Records.callerChosenAccessToken(NOW, HOUR, Records.freshHash());
        assertThat(tokens.saveAccessToken(taken)).isEqualTo(SaveOutcome.SAVED);
        assertThat(tokens.saveAccessToken(chosen)).isEqualTo(SaveOutcome.SAVED);
        AccessTokenRecord plain = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord inFamily = Records.accessToken(NOW, HOUR, FamilyId.random());
        AccessTokenRecord keyTaken = withKeyAndHash(Records.accessToken(NOW, HOUR, null), taken.key(),
                Records.freshHash());
        AccessTokenRecord valueTaken = Records.callerChosenAccessToken(NOW, HOUR, chosen.hash());
        AccessTokenRecord twin = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord twinsKey = withKeyAndHash(Records.accessToken(NOW, HOUR, null), twin.key(),
                Records.freshHash());
        List<AccessTokenRecord> batch = List.of(plain, keyTaken, inFamily, valueTaken, twin, twinsKey);
        List<CompletionStage<SaveOutcome>> outcomes = new ArrayList<>();
        long batchesBefore;
        try (WriterGate gate = WriterGate.close(writer)) {
            batch.forEach(token -> outcomes.add(tokens.saveAccessTokenAsync(token)));
            gate.awaitQueued(batch.size());
            batchesBefore = writer.batchesCommitted();
            source.executed.clear();
        }

        assertThat(join(outcomes.get(0))).isEqualTo(SaveOutcome.SAVED);
        assertThat(join(outcomes.get(1))).as("its key is taken").isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(join(outcomes.get(2))).isEqualTo(SaveOutcome.SAVED);
        assertThat(join(outcomes.get(3))).as("its value is taken in its service").isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(join(outcomes.get(4))).isEqualTo(SaveOutcome.SAVED);
        assertThat(join(outcomes.get(5))).as("an earlier row of the same statement took its key")
                .isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(source.executed).as("the gate's COMMIT, then the batch: one statement, no BEGIN, no COMMIT")
                .containsExactly("COMMIT", ArrayInsert.ACCESS_TOKENS.sql());
        assertThat(writer.batchesCommitted() - batchesBefore).as("the gate's, then the batch").isEqualTo(2);
        assertThat(accessRow(plain.key())).as("every column as written").isEqualTo(plain);
        assertThat(accessRow(inFamily.key())).isEqualTo(inFamily);
        assertThat(accessRow(taken.key())).as("the key's first owner").isEqualTo(taken);
        assertThat(accessRow(valueTaken.key())).isNull();
        assertThat(accessRow(twin.key())).isEqualTo(twin);
        assertThat(accessRows()).isEqualTo(5);
    }

    @Test
    void whenAccessTokenInsertsShareABatchWithOtherWritesThenTheyAreOneStatementInsideItsTransaction()
            throws Exception {
        start(1);
        JdbcTokenStore tokens = new JdbcTokenStore(writer, null, ROWS, new JsonColumns());
        AccessTokenRecord first = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord second = Records.accessToken(NOW, HOUR, null);
        CompletionStage<SaveOutcome> firstSaved;
        CompletionStage<Integer> other;
        CompletionStage<SaveOutcome> secondSaved;
        try (WriterGate gate = WriterGate.close(writer)) {
            firstSaved = tokens.saveAccessTokenAsync(first);
            other = writer.submitAsync("other", context -> context.update(INSERT, Params.of().text("o").text("1")));
            secondSaved = tokens.saveAccessTokenAsync(second);
            gate.awaitQueued(3);
            source.executed.clear();
        }

        assertThat(join(firstSaved)).isEqualTo(SaveOutcome.SAVED);
        assertThat(join(other)).isEqualTo(1);
        assertThat(join(secondSaved)).isEqualTo(SaveOutcome.SAVED);
        assertThat(source.executed).as("the gate's COMMIT, then one transaction for the batch")
                .containsExactly("COMMIT", "BEGIN", ArrayInsert.ACCESS_TOKENS.sql(), INSERT, "COMMIT");
        assertThat(accessRow(first.key())).isEqualTo(first);
        assertThat(accessRow(second.key())).isEqualTo(second);
        assertThat(value("o")).isEqualTo("1");
    }

    @Test
    void whenTheArrayInsertFailsThenTheBatchRunsAgainOneByOneAndOnlyTheBadRowFails() throws Exception {
        start(1);
        JdbcTokenStore tokens = new JdbcTokenStore(writer, null, ROWS, new JsonColumns());
        AccessTokenRecord before = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord after = Records.accessToken(NOW, HOUR, null);
        // as TokenRows.access writes a row, with the scopes NULL: violates NOT NULL
        Params broken = Params.of().integer(Records.freshKey()).blob(Records.freshHash().bytes()).bool(false)
                .integer(Records.SERVICE).integer(Records.CLIENT).text(null).text(null).text(null)
                .text("CLIENT_CREDENTIALS").integer(NOW.toEpochMilli()).integer(NOW.plus(HOUR).toEpochMilli())
                .blob(null).text(null).bool(false);
        CompletionStage<SaveOutcome> beforeSaved;
        CompletionStage<Integer> bad;
        CompletionStage<SaveOutcome> afterSaved;
        try (WriterGate gate = WriterGate.close(writer)) {
            beforeSaved = tokens.saveAccessTokenAsync(before);
            bad = writer.submitAsync("bad", new SingleUpdate<>(TokenSql.INSERT_ACCESS, broken, count -> count));
            afterSaved = tokens.saveAccessTokenAsync(after);
            gate.awaitQueued(3);
            source.executed.clear();
        }

        assertThat(join(beforeSaved)).isEqualTo(SaveOutcome.SAVED);
        assertThat(join(afterSaved)).isEqualTo(SaveOutcome.SAVED);
        assertThatThrownBy(() -> join(bad)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(Dialect.sqlState(e)).isEqualTo("23502"));
        assertThat(source.executed).as("the array INSERT failed; then one by one").startsWith("COMMIT",
                ArrayInsert.ACCESS_TOKENS.sql(), "BEGIN", TokenSql.INSERT_ACCESS, TokenSql.INSERT_ACCESS);
        assertThat(accessRow(before.key())).isEqualTo(before);
        assertThat(accessRow(after.key())).isEqualTo(after);
        assertThat(accessRows()).isEqualTo(2);
        assertThat(writer.opsFailed()).isEqualTo(1);
    }

    @Test
    void whenABatchIsOneWriteOfOneStatementThenItRunsWithoutBeginOrCommit() throws Exception {
        start(1);
        source.executed.clear();

        assertThat(join(insert("alone", "1"))).isEqualTo(1);

        assertThat(source.executed).containsExactly(INSERT);
        assertThat(value("alone")).as("committed when the write returned").isEqualTo("1");
    }

    private static AccessTokenRecord withKeyAndHash(AccessTokenRecord token, long key, TokenHash hash) {
        return AccessTokenRecord.builder(key, hash).callerChosen(token.callerChosen()).serviceId(token.serviceId())
                .clientId(token.clientId()).subject(token.subject()).scopes(token.scopes())
                .resources(token.resources()).grantType(token.grantType()).issuedAt(token.issuedAt())
                .expiresAt(token.expiresAt()).family(token.family()).properties(token.properties())
                .clientIdAliasUsed(token.clientIdAliasUsed()).build();
    }

    private static AccessTokenRecord accessRow(long key) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SCHEMA.url());
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + TokenSql.ACCESS_COLUMNS + " FROM access_tokens WHERE token_key = ?")) {
            select.setLong(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? ROWS.access(rows) : null;
            }
        }
    }

    private static int accessRows() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SCHEMA.url());
                Statement count = connection.createStatement();
                ResultSet rows = count.executeQuery("SELECT count(*) FROM access_tokens")) {
            rows.next();
            return rows.getInt(1);
        }
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
        return PostgresTestStores.settingValue(SCHEMA, name);
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
        /** The SQL of every prepared statement run, in order. */
        final List<String> executed = Collections.synchronizedList(new ArrayList<>());
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
                return method.getName().equals("prepareStatement")
                        ? counting((PreparedStatement) result, (String) args[0]) : result;
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

        private PreparedStatement counting(PreparedStatement real, String sql) {
            AtomicInteger added = new AtomicInteger();
            return proxy(PreparedStatement.class, real, (method, args) -> {
                if (method.getName().equals("addBatch")) {
                    added.incrementAndGet();
                } else if (method.getName().equals("executeBatch")) {
                    batchSizes.add(added.getAndSet(0));
                }
                if (method.getName().startsWith("execute")) {
                    executed.add(sql);
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
