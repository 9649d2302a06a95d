package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL writer: one transaction per write, bounded waits, retries of conflicts, failures kept apart. The
 * group writer passes the same tests ({@link PostgresGroupCommitWriterTest}).
 */
class PooledWriterTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PooledWriterTest.class);
    static final Params ROW = Params.of().text("k").text("v");

    JdbcStores stores;

    /** The schema of this test class. */
    TestPostgres.Schema schema() {
        return SCHEMA;
    }

    PostgresSettings.Writer writer() {
        return PostgresSettings.Writer.POOLED;
    }

    /** The store's settings: this class's writer, on this class's schema. */
    PostgresSettings settings() {
        return PostgresTestStores.settings(schema()).withWriter(writer());
    }

    @BeforeEach
    void open() {
        schema().truncate();
        stores = JdbcStores.openPostgres(settings().withWriteTimeout(Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void whenAnotherTransactionHoldsTheRowBeyondTheWriteTimeoutThenTheWriteFailsInTimeAndTheStoreStaysReady()
            throws Exception {
        stores.settings().put("k", "before");
        try (Connection holder = DriverManager.getConnection(schema().url());
                Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("SELECT * FROM settings WHERE name = 'k' FOR UPDATE");
            long started = System.nanoTime();

            assertThatThrownBy(() -> stores.settings().put("k", "blocked")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("did not commit within 1000 ms");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            // The statement itself ends at its statement_timeout, a little after the caller's deadline (the group
            // writer starts it a little after the caller submitted it): hold the lock until then.
            awaitBlockedBy(holder, 0);
            holder.rollback();
        }
        assertThat(stores.groupCommitMetrics().opsTimedOut()).isEqualTo(1);
        assertThat(stores.settings().get("k")).contains("before");
        // The group writer's batch was held past the write timeout, which /health rightly reports (stalled) until
        // the cancelled write has been failed; that takes moments, then nothing of it remains.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stores.writer().isStalled() && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        assertThat(stores.isHealthy()).as("a lock held elsewhere is not a failure of the database").isTrue();
    }

    /** Waits until exactly {@code count} sessions wait for a lock that {@code holder}'s session holds. */
    static void awaitBlockedBy(Connection holder, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Statement query = holder.createStatement()) {
            while (true) {
                try (ResultSet rows = query.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")) {
                    rows.next();
                    if (rows.getInt(1) == count) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("%d sessions blocked in time", count).isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    @Test
    void whenAWriteConflictsWithAnotherTransactionThenItRunsAgainAndCommitsOnce() {
        AtomicInteger attempts = new AtomicInteger();

        String result = stores.writer().submit("conflicting", context -> {
            context.update(SettingsSql.PUT, ROW);
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("could not serialize access", "40001");
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(2);
        assertThat(stores.settings().get("k")).contains("v");
        assertThat(stores.groupCommitMetrics().opsFailed()).isZero();
    }

    @Test
    void whenAWriteFailsOfItsOwnThenNothingOfItIsKeptAndOtherWritesCommit() {
        assertThatThrownBy(() -> stores.writer().submit("failing", context -> {
            context.update(SettingsSql.PUT, ROW);
            return context.update("INSERT INTO settings (name, value) VALUES (?, NULL)", Params.of().text("n"));
        })).isInstanceOf(StoreException.class).hasMessageContaining("failing failed");

        stores.settings().put("other", "kept");

        assertThat(stores.settings().get("k")).isEmpty();
        assertThat(stores.settings().get("other")).contains("kept");
        assertThat(stores.groupCommitMetrics().opsFailed()).isEqualTo(1);
        assertThat(stores.isHealthy()).isTrue();
    }

    @Test
    void whenAnOperationRollsBackItsSavepointThenNoneOfItsWritesAreKept() {
        String outcome = stores.writer().submit("undone", context -> {
            try (WriteContext.OpSavepoint savepoint = context.savepoint()) {
                context.update(SettingsSql.PUT, ROW);
                savepoint.rollback();
                return "rolled back";
            }
        });

        assertThat(outcome).isEqualTo("rolled back");
        assertThat(stores.settings().get("k")).isEmpty();
    }

    @Test
    void whenClosedThenWritesFailAsClosed() {
        stores.close();

        assertThatThrownBy(() -> stores.settings().put("k", "v")).isInstanceOf(StoreException.class)
                .hasMessageContaining("the store is closed");
        assertThat(stores.isHealthy()).isFalse();
    }
}
