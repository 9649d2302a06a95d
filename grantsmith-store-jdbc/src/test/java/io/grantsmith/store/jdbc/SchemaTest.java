package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
    /** The versions of the migration files, in the order Flyway applies them. */
    private static final List<String> MIGRATIONS = List.of("1", "2", "3", "5", "6", "7", "8", "9", "10", "11", "12");

    @TempDir
    Path directory;

    @Test
    void whenAnExistingDatabaseIsOpenedThenMigrationsDoNotRunAgain() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        try (JdbcStores first = TestStores.open(file)) {
            assertThat(first.migrationsApplied()).isEqualTo(MIGRATIONS.size());
            first.settings().put("kept", "yes");
        }

        try (JdbcStores second = TestStores.open(file)) {
            assertThat(second.migrationsApplied()).isZero();
            assertThat(second.settings().get("kept")).contains("yes");
        }

        assertThat(query(file, "SELECT version || ':' || success FROM flyway_schema_history "
                + "WHERE version IS NOT NULL ORDER BY installed_rank"))
                .containsExactlyElementsOf(MIGRATIONS.stream().map(version -> version + ":1").toList());
    }

    @Test
    void whenOpenedThenTheWriterIsDurableAndReadersCannotWrite() {
        try (JdbcStores stores = TestStores.open(directory.resolve("grantsmith.db"))) {
            assertThat(writerPragma(stores, "journal_mode")).isEqualTo("wal");
            assertThat(writerPragma(stores, "synchronous")).isEqualTo("2"); // FULL
            assertThat(writerPragma(stores, "busy_timeout")).isEqualTo("5000");
            assertThat(writerPragma(stores, "foreign_keys")).isEqualTo("0");
            assertThat(stores.reads().first("test", "PRAGMA query_only", Params.of(), row -> row.getString(1)))
                    .contains("1");
            assertThat(stores.reads().first("test", "PRAGMA busy_timeout", Params.of(), row -> row.getString(1)))
                    .contains("5000");
        }
    }

    @Test
    void whenMigratingThenOnlyFlywaysConnectionsSkipTheFsyncAndTheWriterIsFullBeforeItsFirstWrite() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        SqliteDatabase database = new SqliteDatabase(file, 5000);
        database.createPrivately();
        try (Connection migration = database.migrationDataSource().getConnection();
                Statement statement = migration.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA synchronous")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).as("Flyway's connections: NORMAL").isEqualTo(1);
        }

        try (JdbcStores stores = TestStores.open(file)) {
            assertThat(stores.migrationsApplied()).isEqualTo(MIGRATIONS.size());
            // the first thing the writer runs, after every migration: FULL, as for every token written later
            assertThat(writerPragma(stores, "synchronous")).isEqualTo("2");
            stores.settings().put("kept", "yes");
            assertThat(writerPragma(stores, "synchronous")).isEqualTo("2");
        }
    }

    @Test
    void whenTokensAreFoundRevokedOrPurgedThenTheQueriesUseTheirIndexes() {
        try (JdbcStores stores = TestStores.open(directory.resolve("grantsmith.db"))) {
            assertThat(plan(stores, TokenSql.DELETE_FAMILY_ACCESS_EXCEPT)).contains("access_tokens_family");
            assertThat(plan(stores, TokenSql.DELETE_FAMILY_ACCESS)).contains("access_tokens_family");
            assertThat(plan(stores, TokenSql.REVOKE_GRANT)).contains("PRIMARY KEY");
            assertThat(plan(stores, TokenSql.FIND_GRANT)).contains("PRIMARY KEY");
            assertThat(plan(stores, TokenSql.KEEP_GRANT)).contains("PRIMARY KEY").doesNotContain("SCAN");
            for (String purge : ExpiredRowsSql.SQLITE) {
                String table = purge.split(" ")[2];
                // and the rows it found are deleted by key (tickets and codes: by rowid), not by a scan
                assertThat(plan(stores, purge)).as(purge).contains(table + "_expires_at").doesNotContain("SCAN");
            }
            assertThat(plan(stores, TokenSql.FIND_ACCESS)).contains("INTEGER PRIMARY KEY");
            assertThat(plan(stores, TokenSql.FIND_REFRESH)).contains("INTEGER PRIMARY KEY").doesNotContain("SCAN");
            assertThat(plan(stores, TokenSql.FIND_CALLER_CHOSEN_ACCESS)).contains("access_tokens_caller_chosen");
            assertThat(plan(stores, UserSql.FIND_BY_SUBJECT)).contains("users_service_subject")
                    .doesNotContain("TEMP B-TREE");
        }
    }

    private static String writerPragma(JdbcStores stores, String pragma) {
        return stores.writer().submit("pragma", context ->
                context.first("PRAGMA " + pragma, Params.of(), row -> row.getString(1)).orElseThrow());
    }

    /** The query plan of {@code sql}; parameters are unbound, which EXPLAIN allows. */
    private static String plan(JdbcStores stores, String sql) {
        return String.join("\n", stores.reads().all("plan", "EXPLAIN QUERY PLAN " + sql, Params.of(),
                row -> row.getString("detail")));
    }

    private static List<String> query(Path file, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
