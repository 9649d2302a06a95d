package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConcurrencyBehaviour;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoresConcurrencyTest extends ConcurrencyBehaviour {
    @TempDir
    Path directory;

    @Override
    protected Stores openStores() {
        return TestStores.open(directory.resolve("grantsmith.db"));
    }
}
