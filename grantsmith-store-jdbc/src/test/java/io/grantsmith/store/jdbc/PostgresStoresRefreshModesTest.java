package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshModesBehaviour;
import io.grantsmith.testkit.TestPostgres;

class PostgresStoresRefreshModesTest extends RefreshModesBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresRefreshModesTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
