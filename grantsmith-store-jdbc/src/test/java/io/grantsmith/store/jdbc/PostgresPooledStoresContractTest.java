package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreContract;
import io.grantsmith.testkit.TestPostgres;

/**
 * The store contract on PostgreSQL with the pooled writer ({@code db-writer=pooled}, one transaction per write),
 * which is not the default: {@link PostgresStoresContractTest} runs it on the default group writers.
 */
class PostgresPooledStoresContractTest extends StoreContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresPooledStoresContractTest.class);

    @Override
    protected Stores openStores() {
        SCHEMA.truncate();
        return JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA).withWriter(PostgresSettings.Writer.POOLED));
    }
}
