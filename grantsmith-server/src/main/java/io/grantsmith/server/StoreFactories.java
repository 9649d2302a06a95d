package io.grantsmith.server;

import io.grantsmith.facade.keys.KeyMaterial;
import io.grantsmith.registry.Stores;
import io.grantsmith.server.cli.StoreOptions;
import java.nio.file.Path;

/** The server's store: the one {@code --store} names. */
final class StoreFactories {
    private StoreFactories() {
    }

    static Stores open(Path dataDir, KeyMaterial keys, StoreOptions options) {
        return switch (options.kind()) {
            case SQLITE -> SqliteStoreFactory.open(dataDir, keys, options);
            case POSTGRES -> PostgresStoreFactory.open(keys, options);
        };
    }
}
