package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RequestFramingBehaviour;

class PostgresStoresRequestFramingTest extends RequestFramingBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresRequestFramingTest.class);

    @Override
    protected Stores openStores() {
        return SCHEMA.openEmpty();
    }
}
