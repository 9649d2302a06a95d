package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ClientAuthenticationBehaviour;

class PostgresStoresClientAuthenticationTest extends ClientAuthenticationBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresClientAuthenticationTest.class);

    @Override
    protected Stores openStores() {
        return SCHEMA.openEmpty();
    }
}
