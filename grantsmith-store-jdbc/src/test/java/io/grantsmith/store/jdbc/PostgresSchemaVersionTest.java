package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** The restart fast path on PostgreSQL: a current schema opens without Flyway, one behind still gets migrated. */
class PostgresSchemaVersionTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresSchemaVersionTest.class);
    private static final TestPostgres.Schema OTHER = TestPostgres.schema(PostgresSchemaVersionTest.class);
    private static final TestPostgres.Schema EMPTY = TestPostgres.schema(PostgresSchemaVersionTest.class);

    @Test
    void whenTheSchemaIsOneMigrationBehindThenOpeningAppliesThatMigrationAndTheNextOpeningNone() {
        JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA)).close(); // migrated to the newest
        for (String undo : NewestMigrationUndone.STATEMENTS) {
            TestPostgres.execute(SCHEMA.url(), undo);
        }

        try (JdbcStores behind = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA))) {
            assertThat(behind.migrationsApplied()).isEqualTo(1);
            TestPostgres.execute(SCHEMA.url(), NewestMigrationUndone.REDONE); // its column is back
        }
        try (JdbcStores current = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA))) {
            assertThat(current.migrationsApplied()).isZero();
        }
    }

    /** Flyway keeps its history in the current schema: a current one further down the search_path is another's. */
    @Test
    void aHistoryTableInAnotherSchemaOfTheSearchPathIsNotTakenAsCurrent() throws Exception {
        JdbcStores.openPostgres(PostgresTestStores.settings(OTHER)).close(); // migrated to the newest

        String behindEmpty = TestPostgres.serverUrl() + (TestPostgres.serverUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + EMPTY.name() + "," + OTHER.name();
        try (Connection connection = DriverManager.getConnection(behindEmpty)) {
            assertThat(SchemaVersion.isCurrent(connection, Dialect.POSTGRESQL)).isFalse();
        }
        try (Connection connection = DriverManager.getConnection(OTHER.url())) {
            assertThat(SchemaVersion.isCurrent(connection, Dialect.POSTGRESQL)).isTrue();
        }
    }
}
