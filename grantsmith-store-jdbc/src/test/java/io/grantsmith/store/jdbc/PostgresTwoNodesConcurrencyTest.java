package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConcurrencyBehaviour;
import io.grantsmith.testkit.TestPostgres;

/**
 * The suite with every store call alternating between two nodes' stores on one database (see {@link TwoNodes}), both
 * on the default writer (group); {@link PostgresPooledTwoNodesConcurrencyTest} runs it on the pooled one.
 */
class PostgresTwoNodesConcurrencyTest extends ConcurrencyBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresTwoNodesConcurrencyTest.class);

    @Override
    protected Stores openStores() {
        return TwoNodes.of(PostgresTestStores.openEmpty(SCHEMA), JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA)));
    }
}
