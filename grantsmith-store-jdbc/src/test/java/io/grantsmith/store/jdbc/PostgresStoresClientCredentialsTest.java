package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ClientCredentialsBehaviour;

class PostgresStoresClientCredentialsTest extends ClientCredentialsBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresClientCredentialsTest.class);

    @Override
    protected Stores openStores() {
        return SCHEMA.openEmpty();
    }
}
