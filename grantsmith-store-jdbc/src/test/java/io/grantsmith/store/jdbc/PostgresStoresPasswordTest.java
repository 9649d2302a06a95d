package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.PasswordBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresPasswordTest extends PasswordBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresPasswordTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
