package io.grantsmith.facade.purge;

import io.grantsmith.registry.Stores;
import io.grantsmith.store.jdbc.JdbcStores;
import io.grantsmith.store.jdbc.SealingKey;
import io.grantsmith.store.jdbc.SqliteSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;

class SqliteOwnerDeletionTest extends OwnerDeletionBehaviour {
    @TempDir
    Path directory;

    @Override
    protected Stores openStores() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return JdbcStores.openSqlite(SqliteSettings.defaults(directory.resolve("grantsmith.db"), SealingKey.of(key)));
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("grantsmith.db"));
    }
}
