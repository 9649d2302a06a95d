package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshReuseBehaviour;
import io.grantsmith.testkit.TestPostgres;

/** Refresh-token reuse across a node with the group-commit writer and a node with the pooled writer. */
class PostgresGroupTwoNodesRefreshReuseTest extends RefreshReuseBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresGroupTwoNodesRefreshReuseTest.class);

    @Override
    protected Stores openStores() {
        SCHEMA.truncate();
        PostgresSettings settings = PostgresTestStores.settings(SCHEMA);
        return TwoNodes.of(JdbcStores.openPostgres(settings.withWriter(PostgresSettings.Writer.GROUP)),
                JdbcStores.openPostgres(settings.withWriter(PostgresSettings.Writer.POOLED)));
    }
}
