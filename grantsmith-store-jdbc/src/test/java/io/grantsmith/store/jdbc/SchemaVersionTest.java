package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restart fast path: Flyway is skipped only for a schema at the newest migration, and still runs otherwise. */
class SchemaVersionTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path directory;

    @Test
    void theNewestMigrationOfEachDialectIsItsNewestBundledFile() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            assertThat(dialect.newestMigration()).as(dialect.name()).isEqualTo(newestFile(dialect));
        }
    }

    @Test
    void whenTheSchemaIsOneMigrationBehindThenOpeningAppliesThatMigration() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        TestStores.open(file).close();
        execute(file, "DROP TABLE node_leases");
        execute(file, "DELETE FROM flyway_schema_history WHERE version = '11'");

        try (JdbcStores stores = TestStores.open(file)) {
            assertThat(stores.migrationsApplied()).isEqualTo(1);
        }

        assertThat(query(file, "SELECT name FROM sqlite_master WHERE name = 'node_leases'")).containsExactly("node_leases");
        assertThat(query(file, "SELECT version || ':' || success FROM flyway_schema_history "
                + "ORDER BY installed_rank DESC LIMIT 1")).containsExactly("11:1");
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
                + "installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '12', 'later', 'SQL', "
                + "'V12__later.sql', 'test', 0, 1 FROM flyway_schema_history");
        try (Connection connection = connect(file)) {
            assertThat(SchemaVersion.isCurrent(connection, Dialect.SQLITE)).isFalse();
        }
    }

    private Path migrated() {
        Path file = directory.resolve("grantsmith.db");
        TestStores.open(file).close();
        return file;
    }

    /** The highest version among the dialect's migration files on the class path. */
    private static String newestFile(Dialect dialect) throws IOException, URISyntaxException {
        String location = dialect.migrations().substring("classpath:".length());
        Path folder = Path.of(SchemaVersionTest.class.getClassLoader().getResource(location).toURI());
        int newest = -1;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Matcher name = VERSIONED.matcher(path.getFileName().toString());
                if (name.matches()) {
                    newest = Math.max(newest, Integer.parseInt(name.group(1)));
                }
            }
        }
        return Integer.toString(newest);
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
