package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.registry.StoredClient;
import io.grantsmith.registry.StoredService;
import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a client purges its tokens in statements that may outlast the write timeout (PostgreSQL's
 * {@code statement_timeout} on every pooled connection, and the driver's socket timeout of twice it plus a second):
 * the purge lifts both for its own transaction. Shown with a write timeout of 500 ms (so a socket timeout of 3 s)
 * and a table lock held for 4 s by another session, which the purge waits out.
 */
class PostgresOwnerPurgeTimeoutTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresOwnerPurgeTimeoutTest.class);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration LOCK_HELD = Duration.ofSeconds(4);

    private JdbcStores stores;

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void whenAPurgeStatementTakesLongerThanTheWriteTimeoutThenTheClientIsStillDeleted() throws Exception {
        SCHEMA.truncate();
        stores = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA).withWriteTimeout(WRITE_TIMEOUT));
        stores.services().insert(new StoredService(7, TokenHash.of(new byte[32]), "{}", NOW, NOW));
        stores.clients().insert(new StoredClient(7, 70, null, ClientSecret.of("secret"), "{}", NOW, NOW));

        long started;
        try (Connection other = DriverManager.getConnection(SCHEMA.url())) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("LOCK TABLE access_tokens IN ACCESS EXCLUSIVE MODE");
            }
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(LOCK_HELD.toMillis());
                    other.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            started = System.nanoTime();
            release.start();

            assertThat(stores.clients().delete(7, 70)).as("deleted, although it waited past the write timeout")
                    .isTrue();
            release.join();
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .as("waited past the socket timeout").isGreaterThan(3_000);
        assertThat(stores.clients().find(7, 70)).isEmpty();
    }
}
