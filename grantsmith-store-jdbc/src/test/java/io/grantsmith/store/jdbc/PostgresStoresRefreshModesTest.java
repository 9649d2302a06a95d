package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshModesBehaviour;

class PostgresStoresRefreshModesTest extends RefreshModesBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresRefreshModesTest.class);

    @Override
    protected Stores openStores() {
        return SCHEMA.openEmpty();
    }
}
