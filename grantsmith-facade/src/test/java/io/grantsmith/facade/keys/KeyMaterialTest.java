package io.grantsmith.facade.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {
    @TempDir
    Path directory;

    @Test
    void whenTheKeyFileIsCreatedThenOnlyItsOwnerMayReadItOrItsNewDirectoryAndLoadingGivesTheSameKey()
            throws IOException {
        Path file = directory.resolve("data").resolve("master.key");

        KeyMaterial created = KeyMaterial.loadOrCreate(file, new SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(KeyMaterial.loadOrCreate(file, new SecureRandom()).sealingKey()).isEqualTo(created.sealingKey());
    }

    @Test
    void whenTheKeyFileIsOpenToGroupOrOthersThenLoadingRefusesAndSaysHowToFixIt() throws IOException {
        Path file = directory.resolve("master.key");
        KeyMaterial.loadOrCreate(file, new SecureRandom());

        for (String open : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(open));
            assertThatThrownBy(() -> KeyMaterial.loadOrCreate(file, new SecureRandom())).as(open)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("open to group or others (" + open + ")")
                    .hasMessageContaining("chmod 600 " + file);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(KeyMaterial.loadOrCreate(file, new SecureRandom())).isNotNull();
    }
}
