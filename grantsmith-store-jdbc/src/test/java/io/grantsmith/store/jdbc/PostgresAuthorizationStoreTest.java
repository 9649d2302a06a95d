package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.AuthorizationStoreContract;
import io.grantsmith.testkit.TestPostgres;

class PostgresAuthorizationStoreTest extends AuthorizationStoreContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresAuthorizationStoreTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
