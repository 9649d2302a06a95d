package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshReuseBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresRefreshReuseTest extends RefreshReuseBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresRefreshReuseTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
