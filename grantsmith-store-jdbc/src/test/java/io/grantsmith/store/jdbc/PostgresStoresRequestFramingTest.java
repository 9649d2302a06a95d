package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RequestFramingBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresRequestFramingTest extends RequestFramingBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresRequestFramingTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
