package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The group-commit writer on PostgreSQL: the pooled writer's tests (inherited), and what only a batch has: one failed
 * write of a batch fails alone, and a write that conflicts (a deadlock) runs again while the others commit.
 */
class PostgresGroupCommitWriterTest extends PooledWriterTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresGroupCommitWriterTest.class);
    private static final String INSERT = "INSERT INTO settings (name, value) VALUES (?, ?)";

    @Override
    TestPostgres.Schema schema() {
        return SCHEMA;
    }

    @Override
    PostgresSettings.Writer writer() {
        return PostgresSettings.Writer.GROUP;
    }

    /** One writer thread, which {@link WriterGate} holds, so that the writes behind it form one batch. */
    @Override
    PostgresSettings settings() {
        return super.settings().withGroupWriters(1);
    }

    @Test
    void whenOneWriteOfABatchViolatesAUniqueConstraintThenTheOthersCommitTogetherAndItFailsAlone() throws Exception {
        stores.settings().put("dup", "first");
        CompletionStage<Integer> a;
        CompletionStage<Integer> duplicate;
        CompletionStage<Integer> b;
        long batchesBefore;
        try (WriterGate gate = WriterGate.close(stores.writer())) {
            a = stores.writer().submitAsync("a", context -> context.update(INSERT, Params.of().text("a").text("1")));
            duplicate = stores.writer().submitAsync("duplicate",
                    context -> context.update(INSERT, Params.of().text("dup").text("second")));
            b = stores.writer().submitAsync("b", context -> context.update(INSERT, Params.of().text("b").text("2")));
            gate.awaitQueued(3);
            batchesBefore = stores.groupCommitMetrics().batchesCommitted();
        }

        assertThat(join(a)).isEqualTo(1);
        assertThat(join(b)).isEqualTo(1);
        assertThatThrownBy(() -> join(duplicate)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(Dialect.sqlState(e)).isEqualTo("23505"));
        assertThat(stores.settings().get("a")).contains("1");
        assertThat(stores.settings().get("b")).contains("2");
        assertThat(stores.settings().get("dup")).contains("first");
        assertThat(stores.groupCommitMetrics().batchesCommitted() - batchesBefore)
                .as("the gate's batch, then a and b in one transaction").isEqualTo(2);
        assertThat(stores.groupCommitMetrics().opsFailed()).isEqualTo(1);
        assertThat(stores.isHealthy()).isTrue();
    }

    @Test
    void whenAWriteOfABatchKeepsConflictingThenItRunsAtMostTheAttemptsAndTheOthersCommit() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletionStage<Integer> before;
        CompletionStage<Integer> conflicting;
        CompletionStage<Integer> after;
        try (WriterGate gate = WriterGate.close(stores.writer())) {
            before = stores.writer().submitAsync("before",
                    context -> context.update(INSERT, Params.of().text("before").text("1")));
            conflicting = stores.writer().submitAsync("conflicting", context -> {
                context.update(INSERT, Params.of().text("conflicting").text("1"));
                attempts.incrementAndGet();
                throw new SQLException("deadlock detected", "40P01");
            });
            after = stores.writer().submitAsync("after",
                    context -> context.update(INSERT, Params.of().text("after").text("1")));
            gate.awaitQueued(3);
        }

        assertThat(join(before)).isEqualTo(1);
        assertThat(join(after)).isEqualTo(1);
        assertThatThrownBy(() -> join(conflicting)).isInstanceOf(StoreException.class);
        assertThat(attempts).hasValue(StoreWriter.ATTEMPTS);
        assertThat(stores.settings().get("conflicting")).isEmpty();
        assertThat(stores.settings().get("before")).contains("1");
        assertThat(stores.settings().get("after")).contains("1");
    }

    /**
     * A real deadlock with another session (another node): PostgreSQL aborts the writer's batch (the other session
     * checks for deadlocks only after 5 s, the writer's after the server's 1 s default); the batch's rollback
     * releases its lock, the other session commits, and the write runs again and commits over it.
     */
    @Test
    void whenTheWritersBatchDeadlocksWithAnotherSessionThenItRunsAgainAfterThatSessionCommits() throws Exception {
        stores.close();
        stores = JdbcStores.openPostgres(settings().withWriteTimeout(Duration.ofSeconds(10)));
        stores.settings().put("x", "0");
        stores.settings().put("y", "0");
        String update = "UPDATE settings SET value = ? WHERE name = ?";
        try (Connection other = DriverManager.getConnection(schema().url());
                Statement statement = other.createStatement()) {
            statement.execute("SET deadlock_timeout = '5s'");
            other.setAutoCommit(false);
            statement.executeUpdate("UPDATE settings SET value = 'other' WHERE name = 'y'");

            CompletionStage<Integer> writes = stores.writer().submitAsync("xThenY", context ->
                    context.update(update, Params.of().text("writer").text("x"))
                            + context.update(update, Params.of().text("writer").text("y")));
            awaitBlockedBy(other, 1);
            // now the cycle: this session waits for x, which the writer's batch holds, while it waits for y
            statement.executeUpdate("UPDATE settings SET value = 'other' WHERE name = 'x'");
            other.commit();

            assertThat(join(writes)).isEqualTo(2);
        }
        assertThat(stores.settings().get("x")).contains("writer");
        assertThat(stores.settings().get("y")).contains("writer");
        assertThat(stores.groupCommitMetrics().opsFailed()).isZero();
    }

    private static <T> T join(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
