package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.grantsmith.testkit.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database holds sealed secrets and token hashes: only its owner may read it. */
class FilePermissionsTest {
    private static final String[] SUFFIXES = {"", "-wal", "-shm"};

    @TempDir
    Path directory;

    @Test
    void whenANewDatabaseIsCreatedThenItsDirectoryAndEveryFileAreOwnerOnly() throws Exception {
        Path file = directory.resolve("data").resolve("grantsmith.db");

        try (JdbcStores stores = TestStores.open(file)) {
            stores.tokens().saveAccessToken(Records.accessToken(Instant.now(), Duration.ofHours(1), null));

            assertThat(permissions(file.getParent())).isEqualTo("rwx------");
            for (String suffix : SUFFIXES) {
                assertThat(permissions(Path.of(file + suffix))).as("grantsmith.db%s", suffix).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void whenAnExistingDatabaseIsOpenToOthersThenOpeningMakesItOwnerOnlyAndSaysSo() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        TestStores.open(file).close();
        for (String suffix : SUFFIXES) {
            Path path = Path.of(file + suffix);
            if (!Files.exists(path)) {
                Files.createFile(path); // empty -wal and -shm files are valid: SQLite starts them afresh
            }
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (LogCapture log = LogCapture.of(SqliteDatabase.class); JdbcStores stores = TestStores.open(file)) {
            for (String suffix : SUFFIXES) {
                assertThat(permissions(Path.of(file + suffix))).as("grantsmith.db%s", suffix).isEqualTo("rw-------");
            }
            assertThat(log.messages(Level.WARN)).hasSize(3)
                    .allMatch(line -> line.contains("was open to group or others (rw-r--r--); made it rw-------"));
            assertThat(stores.isHealthy()).isTrue();
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
