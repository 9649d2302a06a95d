package io.grantsmith.server;

import io.grantsmith.facade.keys.KeyMaterial;
import io.grantsmith.registry.Stores;
import io.grantsmith.server.cli.StoreOptions;
import io.grantsmith.store.jdbc.JdbcStores;
import io.grantsmith.store.jdbc.SealingKey;
import io.grantsmith.store.jdbc.SqliteNativeLibrary;
import io.grantsmith.store.jdbc.SqliteSettings;
import java.nio.file.Path;

/**
 * The embedded default store: SQLite in {@code <data>/grantsmith.db}, client secrets sealed with the master key, the
 * driver's native library kept in {@code <data>/cache} (extracted once, not on every start).
 */
final class SqliteStoreFactory {
    static final String DATABASE_FILE = "grantsmith.db";
    static final String CACHE_DIRECTORY = "cache";

    private SqliteStoreFactory() {
    }

    static Stores open(Path dataDir, KeyMaterial keys) {
        return open(dataDir, keys, StoreOptions.defaults());
    }

    static Stores open(Path dataDir, KeyMaterial keys, StoreOptions options) {
        SqliteNativeLibrary.useCacheIn(dataDir.resolve(CACHE_DIRECTORY)); // before the first connection
        return JdbcStores.openSqlite(SqliteSettings.defaults(dataDir.resolve(DATABASE_FILE),
                SealingKey.of(keys.sealingKey())).withWriteTimeout(options.writeTimeout()));
    }
}
