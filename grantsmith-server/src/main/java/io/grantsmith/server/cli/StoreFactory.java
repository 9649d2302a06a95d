package io.grantsmith.server.cli;

import io.grantsmith.facade.keys.KeyMaterial;
import io.grantsmith.registry.Stores;
import java.nio.file.Path;

/** Opens the store a command works on; the server's default is SQLite in the data directory. */
@FunctionalInterface
public interface StoreFactory {
    Stores open(Path dataDir, KeyMaterial keys, StoreOptions options) throws Exception;
}
