package io.grantsmith.store.jdbc;

import java.nio.file.Path;
import java.util.Arrays;

/** Opening stores on fresh files in tests. */
final class TestStores {
    static final SealingKey KEY = SealingKey.of(filled(7));

    private TestStores() {
    }

    static SqliteSettings settings(Path file) {
        return SqliteSettings.defaults(file, KEY);
    }

    static JdbcStores open(Path file) {
        return JdbcStores.openSqlite(settings(file));
    }

    static byte[] filled(int value) {
        byte[] bytes = new byte[SealingKey.LENGTH];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
