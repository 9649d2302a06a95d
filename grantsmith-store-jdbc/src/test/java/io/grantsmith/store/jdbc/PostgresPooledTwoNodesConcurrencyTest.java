package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConcurrencyBehaviour;
import io.grantsmith.testkit.TestPostgres;

/**
 * The concurrency suite across two nodes that both write through the pooled writer (one transaction per write) on one
 * database; {@link PostgresTwoNodesConcurrencyTest} runs it on the default group writers.
 */
class PostgresPooledTwoNodesConcurrencyTest extends ConcurrencyBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresPooledTwoNodesConcurrencyTest.class);

    @Override
    protected Stores openStores() {
        SCHEMA.truncate();
        PostgresSettings pooled = PostgresTestStores.settings(SCHEMA).withWriter(PostgresSettings.Writer.POOLED);
        return TwoNodes.of(JdbcStores.openPostgres(pooled), JdbcStores.openPostgres(pooled));
    }
}
