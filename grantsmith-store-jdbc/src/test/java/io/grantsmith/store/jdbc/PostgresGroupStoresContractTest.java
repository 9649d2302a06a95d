package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreContract;
import io.grantsmith.testkit.TestPostgres;

/** The store contract on PostgreSQL with the group-commit writer ({@code db-writer=group}). */
class PostgresGroupStoresContractTest extends StoreContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresGroupStoresContractTest.class);

    @Override
    protected Stores openStores() {
        SCHEMA.truncate();
        return JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA).withWriter(PostgresSettings.Writer.GROUP));
    }
}
