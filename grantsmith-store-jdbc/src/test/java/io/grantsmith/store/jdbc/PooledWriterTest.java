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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL writer: one transaction per write, bounded waits, retries of conflicts, failures kept apart. */
class PooledWriterTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PooledWriterTest.class);
    private static final Params ROW = Params.of().text("k").text("v");

    private JdbcStores stores;

    @BeforeEach
    void open() {
        SCHEMA.truncate();
        stores = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA).withWriteTimeout(Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void whenAnotherTransactionHoldsTheRowBeyondTheWriteTimeoutThenTheWriteFailsInTimeAndTheStoreStaysReady()
            throws Exception {
        stores.settings().put("k", "before");
        try (Connection holder = DriverManager.getConnection(SCHEMA.url());
                Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("SELECT * FROM settings WHERE name = 'k' FOR UPDATE");
            long started = System.nanoTime();

            assertThatThrownBy(() -> stores.settings().put("k", "blocked")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("did not commit within 1000 ms");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            holder.rollback();
        }
        assertThat(stores.groupCommitMetrics().opsTimedOut()).isEqualTo(1);
        assertThat(stores.settings().get("k")).contains("before");
        assertThat(stores.isHealthy()).as("a lock held elsewhere is not a failure of the database").isTrue();
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
