package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ClientAuthenticationBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresClientAuthenticationTest extends ClientAuthenticationBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresClientAuthenticationTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
