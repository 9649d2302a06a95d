package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RedactionBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresRedactionTest extends RedactionBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresRedactionTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
