package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoresContractTest extends StoreContract {
    @TempDir
    Path directory;

    @Override
    protected Stores openStores() {
        return TestStores.open(directory.resolve("contract/grantsmith.db"));
    }
}
