package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConcurrencyBehaviour;
import io.grantsmith.testkit.TestPostgres;

/** The concurrency suite across two nodes that both write through group-commit writers on one database. */
class PostgresGroupTwoNodesConcurrencyTest extends ConcurrencyBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresGroupTwoNodesConcurrencyTest.class);

    @Override
    protected Stores openStores() {
        SCHEMA.truncate();
        PostgresSettings group = PostgresTestStores.settings(SCHEMA).withWriter(PostgresSettings.Writer.GROUP);
        return TwoNodes.of(JdbcStores.openPostgres(group), JdbcStores.openPostgres(group));
    }
}
