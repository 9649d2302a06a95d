package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.NodeLeaseContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteNodeLeaseContractTest extends NodeLeaseContract {
    @TempDir
    Path directory;

    @Override
    protected Stores openStores() {
        return TestStores.open(directory.resolve("grantsmith.db"));
    }
}
