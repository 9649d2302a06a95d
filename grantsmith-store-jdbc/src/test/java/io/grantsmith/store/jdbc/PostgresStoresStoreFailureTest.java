package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreFailureBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresStoreFailureTest extends StoreFailureBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresStoreFailureTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
