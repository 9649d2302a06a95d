package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asynchronous writes of the token path ({@link StoreWriter#submitAsync}): one thread submits many writes
 * without waiting, each stage completes only once its batch has committed, on the writer's completion thread and never
 * on the writer itself, and the write timeout still fails a write whose commit does not come.
 */
class AsyncWritesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path directory;

    private JdbcStores stores;

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void whenOneThreadSubmitsManyWritesThenNoneWaitsAndEachCompletesOnTheCompletionThreadOnlyAfterTheCommit()
            throws Exception {
        stores = TestStores.open(directory.resolve("db"));
        int writes = 40;
        List<AccessTokenRecord> tokens = new ArrayList<>();
        List<CompletableFuture<String>> completedOn = new ArrayList<>();
        try (WriterGate gate = WriterGate.close(stores.writer())) {
            for (int i = 0; i < writes; i++) {
                AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);
                tokens.add(token);
                completedOn.add(stores.tokens().saveAccessTokenAsync(token).toCompletableFuture()
                        .thenApply(outcome -> outcome + " on " + Thread.currentThread().getName()));
            }
            gate.awaitQueued(writes);
            Thread.sleep(100);
            assertThat(completedOn).as("nothing is acknowledged before its commit").noneMatch(CompletableFuture::isDone);
            assertThat(stores.tokens().findAccessToken(tokens.get(0).serviceId(), lookup(tokens.get(0))))
                    .as("not committed yet").isEmpty();
        }
        for (CompletableFuture<String> outcome : completedOn) {
            assertThat(outcome.get(10, TimeUnit.SECONDS)).as("never on grantsmith-sqlite-writer")
                    .isEqualTo("SAVED on grantsmith-sqlite-completions");
        }
        for (AccessTokenRecord token : tokens) {
            assertThat(stores.tokens().findAccessToken(token.serviceId(), lookup(token))).isPresent();
        }
    }

    @Test
    void whenAWriteStagesContinuationSubmitsABlockingWriteThenItFailsAtOnceInsteadOfStallingTheOtherAnswers()
            throws Exception {
        Duration timeout = Duration.ofSeconds(60);
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db")).withWriteTimeout(timeout));
        StoreWriter writer = stores.writer();

        CompletableFuture<Integer> nested;
        // the writer is held until the continuation is registered, so that it runs on the completion thread after
        // the commit, where a blocking write would hold up every answer behind it until its own commit
        try (WriterGate gate = WriterGate.close(writer)) {
            nested = writer.submitAsync("first", context -> 1).toCompletableFuture()
                    .thenApply(first -> writer.submit("nested", context -> first + 1));
            gate.awaitQueued(1);
        }

        assertThatThrownBy(() -> nested.get(10, TimeUnit.SECONDS)).as("failed at once, not at the 60 s timeout")
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
        Integer after = writer.submit("after", context -> 3);
        assertThat(after).as("the writer still commits").isEqualTo(3);
    }

    @Test
    void whenAStagesContinuationHoldsTheCompletionThreadThenTheWriterStillCommitsAndLaterStagesWaitTheirTurn()
            throws Exception {
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db")).withWriteTimeout(
                Duration.ofSeconds(60)));
        StoreWriter writer = stores.writer();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<String> held;
        // the writer is held until the continuation is registered, so that it runs on the completion thread
        try (WriterGate gate = WriterGate.close(writer)) {
            held = writer.submitAsync("held", context -> 1).toCompletableFuture().thenApply(one -> {
                running.countDown();
                awaitQuietly(release); // a response step that blocks (it must not; if it does, it costs no commit)
                return Thread.currentThread().getName();
            });
            gate.awaitQueued(1);
        }
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> behind = writer.submitAsync("behind", context -> 3).toCompletableFuture();

        Integer meanwhile = writer.submit("meanwhile", context -> 2);
        assertThat(meanwhile).as("the writer commits and answers a blocking write").isEqualTo(2);
        assertThat(held).isNotDone();
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("grantsmith-sqlite-completions");
        assertThat(behind.get(10, TimeUnit.SECONDS)).as("completed once the completion thread was free").isEqualTo(3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void whenTheWriterIsHeldPastTheWriteTimeoutThenAQueuedWriteFailsAtItsDeadlineAndNeverRuns() throws Exception {
        Duration timeout = Duration.ofSeconds(2); // generous: a loaded CI machine commits slowly
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db")).withWriteTimeout(timeout));
        AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);
        long timedOutBefore = stores.groupCommitMetrics().opsTimedOut();
        CompletableFuture<SaveOutcome> saved;
        long submitted;
        try (WriterGate gate = WriterGate.close(stores.writer())) {
            submitted = System.nanoTime();
            saved = stores.tokens().saveAccessTokenAsync(token).toCompletableFuture();
            assertThat(saved).isNotDone();
            Throwable failure = failureOf(saved);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted);

            assertThat(failure).isInstanceOf(StoreException.class).hasMessageContaining("withdrawn");
            assertThat(waitedMillis).as("failed at its deadline, not before").isGreaterThanOrEqualTo(timeout.toMillis() - 10);
            assertThat(stores.writer().isStalled()).as("the held writer makes the store not ready").isTrue();
            assertThat(stores.groupCommitMetrics().opsTimedOut()).isEqualTo(timedOutBefore + 1);
        }
        assertThat(stores.tokens().findAccessToken(token.serviceId(), lookup(token))).as("withdrawn: never written")
                .isEmpty();
        assertThat(stores.tokens().saveAccessTokenAsync(Records.accessToken(NOW, HOUR, null)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).as("the writer takes writes again").isEqualTo(SaveOutcome.SAVED);
    }

    private static Throwable failureOf(CompletableFuture<?> stage) throws InterruptedException, TimeoutException {
        try {
            stage.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the write should have failed");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static TokenLookup lookup(AccessTokenRecord token) {
        return new TokenLookup(token.key(), token.hash());
    }
}
