package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ClientCredentialsBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresClientCredentialsTest extends ClientCredentialsBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresClientCredentialsTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
