package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The migrations Flyway is given by name are every file of their directory, and Flyway sees them as its scan did. */
class MigrationFilesTest {
    @TempDir
    Path directory;

    /** Fails when a migration is added under src/main/resources and not to its dialect's list in {@link Dialect}. */
    @Test
    void everyMigrationFileOfEachDatabaseIsListed() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            Path files = Path.of("src/main/resources").resolve(dialect.migrations().directory());
            assertThat(files).as("run from the module's directory").isDirectory();
            try (Stream<Path> onDisk = Files.list(files)) {
                assertThat(dialect.migrations().names()).as(dialect + ": the files in " + files)
                        .containsExactlyInAnyOrderElementsOf(onDisk.map(file -> file.getFileName().toString()).toList());
            }
        }
    }

    /** Version, description, type, script and checksum as Flyway's own class-path scan resolves them. */
    @Test
    void flywayResolvesTheListedMigrationsAsItsScanOfTheirDirectoryDid() {
        for (Dialect dialect : Dialect.values()) {
            SQLiteDataSource empty = new SQLiteDataSource();
            empty.setUrl("jdbc:sqlite:" + directory.resolve(dialect + ".db"));
            SecretSealer sealer = new SecretSealer(TestStores.KEY, new SecureRandom());
            MigrationInfo[] scanned = Flyway.configure().dataSource(empty)
                    .locations("classpath:" + dialect.migrations().directory())
                    .javaMigrations(dialect.javaMigrations(sealer)).load().info().all();

            MigrationInfo[] listed = dialect.flyway(empty, sealer).load().info().all();

            assertThat(describe(listed)).as(dialect.name()).isNotEmpty().isEqualTo(describe(scanned));
        }
    }

    @Test
    void aListedFileThatIsNotThereFailsTheMigration() {
        SQLiteDataSource empty = new SQLiteDataSource();
        empty.setUrl("jdbc:sqlite:" + directory.resolve("missing.db"));
        MigrationFiles missing = new MigrationFiles("db/migration/sqlite", "V1__initial_schema.sql", "V2__missing.sql");

        assertThatThrownBy(() -> Flyway.configure().dataSource(empty).resourceProvider(missing)
                .javaMigrationClassProvider(List::of).load().migrate())
                .isInstanceOf(FlywayException.class).hasStackTraceContaining("V2__missing.sql");
    }

    private static List<String> describe(MigrationInfo[] migrations) {
        return Arrays.stream(migrations).map(migration -> migration.getVersion() + " | " + migration.getDescription()
                + " | " + migration.getType() + " | " + migration.getScript() + " | " + migration.getChecksum()).toList();
    }
}
