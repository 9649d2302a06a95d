package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.KeyStoreContract;
import io.grantsmith.testkit.TestPostgres;

class PostgresKeyStoreContractTest extends KeyStoreContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresKeyStoreContractTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
