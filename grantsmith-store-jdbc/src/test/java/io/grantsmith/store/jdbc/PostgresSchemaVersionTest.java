package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The restart fast path on PostgreSQL: a current schema opens without Flyway, one behind still gets migrated. */
class PostgresSchemaVersionTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresSchemaVersionTest.class);

    @Test
    void whenTheSchemaIsOneMigrationBehindThenOpeningAppliesThatMigrationAndTheNextOpeningNone() {
        JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA)).close(); // migrated to the newest
        TestPostgres.execute(SCHEMA.url(), "DROP TABLE node_leases");
        TestPostgres.execute(SCHEMA.url(), "DELETE FROM flyway_schema_history WHERE version = '11'");

        try (JdbcStores behind = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA))) {
            assertThat(behind.migrationsApplied()).isEqualTo(1);
            Instant now = Instant.now();
            assertThat(behind.nodeLeases().acquire("test", now, now.plusSeconds(60))).hasValue(0); // its table is back
        }
        try (JdbcStores current = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA))) {
            assertThat(current.migrationsApplied()).isZero();
        }
    }
}
