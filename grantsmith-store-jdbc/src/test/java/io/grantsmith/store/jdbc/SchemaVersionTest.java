package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.StoreException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The restart fast path: Flyway is skipped only for a schema at the newest migration, and still runs otherwise. */
class SchemaVersionTest {
    @TempDir
    Path directory;

    /**
     * Against Flyway's own list, as the store configures it: SQL files with any version syntax and the Java
     * migrations. A repeatable migration would be rerun by Flyway when it changes, which the fast path never sees.
     */
    @Test
    void theNewestMigrationOfEachDialectIsTheNewestFlywayResolvesAndNoneIsRepeatable() {
        for (Dialect dialect : Dialect.values()) {
            List<MigrationInfo> migrations = resolved(dialect);

            assertThat(migrations).as(dialect.name() + " migrations").isNotEmpty();
            assertThat(migrations).as(dialect.name() + " repeatable migrations")
                    .filteredOn(migration -> migration.getVersion() == null).isEmpty();
            MigrationVersion newest = migrations.stream().map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertThat(dialect.newestMigration()).as(dialect.name()).isEqualTo(newest.getVersion());
        }
    }

    @Test
    void theSqliteJavaMigrationsAreAmongTheResolvedOnes() {
        assertThat(resolved(Dialect.SQLITE)).extracting(migration -> migration.getVersion().getVersion())
                .contains("3");
    }

    @Test
    void whenTheSchemaIsOneMigrationBehindThenOpeningAppliesThatMigration() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        TestStores.open(file).close();
        for (String undo : NewestMigrationUndone.STATEMENTS) {
            execute(file, undo);
        }

        try (JdbcStores stores = TestStores.open(file)) {
            assertThat(stores.migrationsApplied()).isEqualTo(1);
        }

        assertThat(query(file, "SELECT name FROM pragma_table_info('authorization_codes') WHERE name = 'token_key'"))
                .containsExactly("token_key");
        assertThat(query(file, "SELECT version || ':' || success FROM flyway_schema_history "
                + "ORDER BY installed_rank DESC LIMIT 1")).containsExactly(NewestMigrationUndone.VERSION + ":1");
    }

    @Test
    void whenAnAppliedMigrationWasEditedThenOpeningAnExistingDatabaseStillValidatesAndFails() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        TestStores.open(file).close();
        for (String undo : NewestMigrationUndone.STATEMENTS) { // behind: Flyway runs
            execute(file, undo);
        }
        execute(file, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '9'");

        assertThatThrownBy(() -> TestStores.open(file).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void onlyADatabaseWithoutAnyTableIsEmpty() throws Exception {
        try (Connection connection = connect(directory.resolve("empty.db"))) {
            assertThat(SqliteDatabase.isEmpty(connection)).isTrue();
        }
        try (Connection connection = connect(migrated())) {
            assertThat(SqliteDatabase.isEmpty(connection)).isFalse();
        }
    }

    @Test
    void aNewDatabaseIsNotCurrent() throws Exception {
        try (Connection connection = connect(directory.resolve("empty.db"))) {
            assertThat(SchemaVersion.isCurrent(connection, Dialect.SQLITE)).isFalse();
        }
    }

    @Test
    void aMigratedDatabaseIsCurrent() throws Exception {
        Path file = migrated();
        try (Connection connection = connect(file)) {
            assertThat(SchemaVersion.isCurrent(connection, Dialect.SQLITE)).isTrue();
        }
    }

    @Test
    void aDatabaseWithAFailedMigrationIsNotCurrent() throws Exception {
        Path file = migrated();
        execute(file, "UPDATE flyway_schema_history SET success = 0 WHERE version = '9'");
        try (Connection connection = connect(file)) {
            assertThat(SchemaVersion.isCurrent(connection, Dialect.SQLITE)).isFalse();
        }
    }

    @Test
    void aDatabaseOfALaterReleaseIsNotCurrent() throws Exception {
        Path file = migrated();
        execute(file, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '13', 'later', 'SQL', "
                + "'V13__later.sql', 'test', 0, 1 FROM flyway_schema_history");
        try (Connection connection = connect(file)) {
            assertThat(SchemaVersion.isCurrent(connection, Dialect.SQLITE)).isFalse();
        }
    }

    private Path migrated() {
        Path file = directory.resolve("grantsmith.db");
        TestStores.open(file).close();
        return file;
    }

    /**
     * Every migration Flyway resolves for {@code dialect}, configured as the store configures it. Resolving reads
     * only the class path, so an empty SQLite database serves for either dialect.
     */
    private List<MigrationInfo> resolved(Dialect dialect) {
        SQLiteDataSource empty = new SQLiteDataSource();
        empty.setUrl("jdbc:sqlite:" + directory.resolve("resolve-" + dialect.name() + ".db"));
        SecretSealer sealer = new SecretSealer(TestStores.KEY, new SecureRandom());
        return Arrays.asList(dialect.flyway(empty, sealer).load().info().all());
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = connect(file); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
