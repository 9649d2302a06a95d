package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreContract;

class PostgresStoresContractTest extends StoreContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresContractTest.class);

    @Override
    protected Stores openStores() {
        return SCHEMA.openEmpty();
    }
}
