package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.AuthorizationStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAuthorizationStoreTest extends AuthorizationStoreContract {
    @TempDir
    Path directory;

    @Override
    protected Stores openStores() {
        return TestStores.open(directory.resolve("authorization/grantsmith.db"));
    }
}
