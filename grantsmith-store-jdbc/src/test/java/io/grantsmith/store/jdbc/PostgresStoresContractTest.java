package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreContract;
import io.grantsmith.testkit.TestPostgres;

/** The store contract on PostgreSQL with the default writer (group, see {@link PostgresSettings#DEFAULT_WRITER}). */
class PostgresStoresContractTest extends StoreContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresContractTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
