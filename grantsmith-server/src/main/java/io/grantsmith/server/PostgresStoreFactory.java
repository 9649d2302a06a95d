package io.grantsmith.server;

import io.grantsmith.facade.keys.KeyMaterial;
import io.grantsmith.registry.Stores;
import io.grantsmith.server.cli.StoreOptions;
import io.grantsmith.store.jdbc.JdbcStores;
import io.grantsmith.store.jdbc.PostgresSettings;
import io.grantsmith.store.jdbc.SealingKey;

/** The scale-out store: PostgreSQL at {@code --db-url}, shared by every node, secrets sealed with the master key. */
final class PostgresStoreFactory {
    private PostgresStoreFactory() {
    }

    static Stores open(KeyMaterial keys, StoreOptions options) {
        return JdbcStores.openPostgres(PostgresSettings.defaults(options.dbUrl(), SealingKey.of(keys.sealingKey()))
                .withPassword(options.dbPassword())
                .withPoolSize(options.dbPoolSize())
                .withWriter(options.dbWriter())
                .withGroupWriters(options.dbGroupWriters())
                .withWriteTimeout(options.writeTimeout()));
    }
}
