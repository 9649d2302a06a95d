package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConcurrencyBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresConcurrencyTest extends ConcurrencyBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresConcurrencyTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
