package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds the master key and the database: the server keeps both to their owner. */
class DataDirectoryPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void whenTheDataDirectoryIsCreatedThenItAndItsFilesAreOwnerOnly() throws Exception {
        Path data = dir.resolve("data");

        assertThat(Cli.run(Map.of(), "service", "list", "--data", data.toString()).exitCode()).isZero();

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("master.key"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("grantsmith.db"))).isEqualTo("rw-------");
    }

    @Test
    void whenTheMasterKeyIsReadableByOthersThenTheCommandRefusesWithAPlainMessage() throws Exception {
        Path data = dir.resolve("data");
        Cli.run(Map.of(), "service", "list", "--data", data.toString());
        Files.setPosixFilePermissions(data.resolve("master.key"), PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result result = Cli.run(Map.of(), "service", "list", "--data", data.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the master key").contains("open to group or others")
                .contains("chmod 600").doesNotContain("\tat ");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
