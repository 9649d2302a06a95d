package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.PasswordBehaviour;

class PostgresStoresPasswordTest extends PasswordBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresPasswordTest.class);

    @Override
    protected Stores openStores() {
        return SCHEMA.openEmpty();
    }
}
