package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConsentStoreContract;
import io.grantsmith.testkit.TestPostgres;

class PostgresConsentStoreTest extends ConsentStoreContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresConsentStoreTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
