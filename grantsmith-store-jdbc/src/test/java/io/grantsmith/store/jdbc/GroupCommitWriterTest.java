package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path directory;

    private final ExecutorService pool = Executors.newFixedThreadPool(32);
    private JdbcStores stores;

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void whenManyThreadsWriteConcurrentlyThenBatchesHoldSeveralWritesAndEveryWriteCommits() throws Exception {
        stores = TestStores.open(directory.resolve("db"));
        GroupCommitMetrics metrics = stores.groupCommitMetrics();
        int threads = 32;
        int perThread = 50;

        List<Future<Integer>> saved = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            saved.add(pool.submit(() -> {
                int count = 0;
                for (int i = 0; i < perThread; i++) {
                    if (stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null)) == SaveOutcome.SAVED) {
                        count++;
                    }
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> future : saved) {
            total += future.get(30, TimeUnit.SECONDS);
        }

        assertThat(total).isEqualTo(threads * perThread);
        assertThat(countRows("access_tokens")).isEqualTo(threads * perThread);
        assertThat(metrics.opsCommitted()).isEqualTo(threads * perThread + 1); // + countRows
        assertThat((double) metrics.opsCommitted() / metrics.batchesCommitted()).as("mean batch size")
                .isGreaterThan(1.5);
        assertThat(metrics.opsFailed()).isZero();
        assertThat(metrics.queueDepth()).isZero();
    }

    @Test
    void whenOneWriteOfABatchFailsThenOnlyItsCallerSeesTheErrorAndItsChangesAreUndone() throws Exception {
        stores = TestStores.open(directory.resolve("db"));
        AccessTokenRecord poisonRow = Records.accessToken(NOW, HOUR, null);
        List<AccessTokenRecord> good = new ArrayList<>();
        List<Future<SaveOutcome>> goodOutcomes = new ArrayList<>();
        Future<Object> poison;
        long batchesBefore = stores.groupCommitMetrics().batchesCommitted();

        try (WriterGate gate = WriterGate.close(stores.writer())) {
            for (int i = 0; i < 3; i++) {
                AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);
                good.add(token);
                goodOutcomes.add(pool.submit(() -> stores.tokens().saveAccessToken(token)));
            }
            gate.awaitQueued(3);
            Params poisonParams = new TokenRows(new JsonColumns()).access(poisonRow);
            poison = pool.submit(() -> stores.writer().submit("poisonWrite", context -> {
                context.update(TokenSql.INSERT_ACCESS, poisonParams);
                throw new SQLException("disk says no");
            }));
            gate.awaitQueued(4);
            for (int i = 0; i < 3; i++) {
                AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);
                good.add(token);
                goodOutcomes.add(pool.submit(() -> stores.tokens().saveAccessToken(token)));
            }
            gate.awaitQueued(7);
        }

        assertThatThrownBy(() -> poison.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreException.class).hasMessageContaining("poisonWrite");
        for (Future<SaveOutcome> outcome : goodOutcomes) {
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.SAVED);
        }
        for (AccessTokenRecord token : good) {
            assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(token))).contains(token);
        }
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(poisonRow))).as("the failed write's insert").isEmpty();
        assertThat(stores.groupCommitMetrics().opsFailed()).isEqualTo(1);
        // the gate's own write, then the six good writes together again without the poison
        assertThat(stores.groupCommitMetrics().batchesCommitted() - batchesBefore).isEqualTo(2);
    }

    @Test
    void whenASharedTransactionFailsOnceThenEveryWriteSucceedsOnItsRetryAlone() throws Exception {
        stores = TestStores.open(directory.resolve("db"));
        AtomicInteger runs = new AtomicInteger();
        List<Future<SaveOutcome>> outcomes = new ArrayList<>();
        Future<String> flaky;

        try (WriterGate gate = WriterGate.close(stores.writer())) {
            for (int i = 0; i < 4; i++) {
                outcomes.add(pool.submit(() -> stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null))));
            }
            gate.awaitQueued(4);
            flaky = pool.submit(() -> stores.writer().submit("flakyWrite", context -> {
                if (runs.incrementAndGet() == 1) {
                    throw new SQLException("transient I/O error");
                }
                return "done";
            }));
            gate.awaitQueued(5);
        }

        assertThat(flaky.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(runs).hasValue(2);
        for (Future<SaveOutcome> outcome : outcomes) {
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.SAVED);
        }
        assertThat(countRows("access_tokens")).isEqualTo(4);
        assertThat(stores.groupCommitMetrics().opsFailed()).isZero();
    }

    @Test
    void whenTheTransactionItselfCannotStartThenTheWholeBatchFailsOnceInsteadOfEachWriteWaitingAgain()
            throws Exception {
        Path file = directory.resolve("db");
        Duration busyTimeout = Duration.ofMillis(500);
        stores = JdbcStores.openSqlite(TestStores.settings(file).withBusyTimeout(busyTimeout));
        List<Future<SaveOutcome>> outcomes = new ArrayList<>();
        long waitedMillis;

        try (Connection cli = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = cli.createStatement()) {
            statement.execute("BEGIN IMMEDIATE"); // another process holds the write lock throughout
            long started = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null))));
            }
            for (Future<SaveOutcome> outcome : outcomes) {
                assertThatThrownBy(() -> outcome.get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(StoreException.class);
            }
            waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            statement.execute("ROLLBACK");
        }

        // The first write's BEGIN waits out the busy timeout while the other seven queue; they then fail as one
        // batch after one more timeout (~1 s), not one timeout each on a retry alone (~4.5 s).
        assertThat(waitedMillis).isLessThan(5 * busyTimeout.toMillis());
        assertThat(stores.groupCommitMetrics().opsFailed()).isEqualTo(8);
        assertThat(stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null)))
                .as("the writer goes on once the lock is free").isEqualTo(SaveOutcome.SAVED);
    }

    @Test
    void whenClosedFromAnInterruptedThreadThenQueuedWritesCommitAndTheInterruptIsKept() throws Exception {
        Path file = directory.resolve("db");
        stores = TestStores.open(file);
        stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null));

        Future<Boolean> closing = pool.submit(() -> {
            Thread.currentThread().interrupt();
            stores.close();
            return Thread.currentThread().isInterrupted();
        });

        assertThat(closing.get(10, TimeUnit.SECONDS)).as("interrupt flag restored").isTrue();
        assertThat(stores.isHealthy()).isFalse();
        stores = TestStores.open(file);
        assertThat(countRows("access_tokens")).isEqualTo(1);
    }

    @Test
    void whenTheQueueIsFullThenSubmittersWaitAndNoWriteIsDropped() throws Exception {
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db")).withQueueCapacity(2));
        List<Future<SaveOutcome>> outcomes = new ArrayList<>();

        try (WriterGate gate = WriterGate.close(stores.writer())) {
            for (int i = 0; i < 6; i++) {
                outcomes.add(pool.submit(() -> stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null))));
            }
            gate.awaitQueued(2);
            Thread.sleep(100);

            assertThat(stores.groupCommitMetrics().queueDepth()).isEqualTo(2);
            assertThat(outcomes).noneMatch(Future::isDone);
        }

        for (Future<SaveOutcome> outcome : outcomes) {
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.SAVED);
        }
        assertThat(countRows("access_tokens")).isEqualTo(6);
    }

    @Test
    void whenClosedThenQueuedWritesCommitAndLaterCallsFail() throws Exception {
        Path file = directory.resolve("db");
        stores = TestStores.open(file);
        List<Future<SaveOutcome>> outcomes = new ArrayList<>();
        Future<?> closing;

        try (WriterGate gate = WriterGate.close(stores.writer())) {
            for (int i = 0; i < 10; i++) {
                outcomes.add(pool.submit(() -> stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null))));
            }
            gate.awaitQueued(10);
            closing = pool.submit(stores::close);
            Thread.sleep(50);
            assertThat(closing.isDone()).as("close waits for queued writes").isFalse();
        }
        closing.get(10, TimeUnit.SECONDS);

        for (Future<SaveOutcome> outcome : outcomes) {
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.SAVED);
        }
        AccessTokenRecord late = Records.accessToken(NOW, HOUR, null);
        assertThatThrownBy(() -> stores.tokens().saveAccessToken(late))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(late)))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThat(stores.isHealthy()).isFalse();
        stores.close(); // idempotent

        stores = TestStores.open(file);
        assertThat(countRows("access_tokens")).isEqualTo(10);
    }

    @Test
    void whenAnotherProcessHoldsTheWriteLockBrieflyThenWritesWaitForItInsteadOfFailing() throws Exception {
        Path file = directory.resolve("db");
        stores = TestStores.open(file);
        Future<SaveOutcome> outcome;

        try (Connection cli = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = cli.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            outcome = pool.submit(() -> stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null)));
            Thread.sleep(300);
            assertThat(outcome.isDone()).as("waiting for the lock").isFalse();
            statement.execute("COMMIT");
        }

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.SAVED);
    }

    @Test
    void whenACommittedWriteWaitsForTheCompletionThreadPastItsDeadlineThenItsStageStillCompletesWithItsValue()
            throws Exception {
        // generous: "later" must commit before its deadline even on a loaded CI machine
        Duration timeout = Duration.ofSeconds(2);
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db")).withWriteTimeout(timeout));
        StoreWriter writer = stores.writer();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WriterGate gate = WriterGate.close(writer)) {
            // attached before the commit, so it runs on the completion thread and holds it
            writer.submitAsync("first", context -> "first").thenRun(() -> {
                holding.countDown();
                awaitQuietly(release);
            });
            gate.awaitQueued(1);
        }
        CompletableFuture<String> later;
        long timedOutBefore;
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("completion thread held").isTrue();
            timedOutBefore = stores.groupCommitMetrics().opsTimedOut();
            long committedBefore = writer.opsCommitted();
            later = writer.submitAsync("later", context -> "later").toCompletableFuture();
            while (writer.opsCommitted() == committedBefore) {
                Thread.sleep(1);
            }
            // committed; its stage waits behind the held completion until well past its deadline
            Thread.sleep(timeout.multipliedBy(2).toMillis());
        } finally {
            release.countDown();
        }

        assertThat(later.get(10, TimeUnit.SECONDS)).as("committed, so reported committed").isEqualTo("later");
        assertThat(stores.groupCommitMetrics().opsTimedOut()).isEqualTo(timedOutBefore);
    }

    @Test
    void whenAContinuationOnTheCompletionThreadSubmitsAnAsynchronousWriteThenThatIsRefused() throws Exception {
        stores = TestStores.open(directory.resolve("db"));
        StoreWriter writer = stores.writer();
        CompletableFuture<Object> nested;
        try (WriterGate gate = WriterGate.close(writer)) {
            // attached before the commit, so it runs on the completion thread
            nested = writer.submitAsync("outer", context -> 1).toCompletableFuture()
                    .thenCompose(one -> writer.submitAsync("inner", context -> 2));
            gate.awaitQueued(1);
        }

        assertThatThrownBy(() -> nested.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("inner submitted from the writer's completion thread");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long countRows(String table) {
        return stores.writer().submit("countRows", context ->
                context.first("SELECT count(*) FROM " + table, Params.of(), row -> row.getLong(1)).orElseThrow());
    }
}
