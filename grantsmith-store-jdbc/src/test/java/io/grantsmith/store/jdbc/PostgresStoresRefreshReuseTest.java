package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshReuseBehaviour;

class PostgresStoresRefreshReuseTest extends RefreshReuseBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresRefreshReuseTest.class);

    @Override
    protected Stores openStores() {
        return SCHEMA.openEmpty();
    }
}
