package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.TestPostgres;
import io.grantsmith.testkit.TicketBehaviour;

/** The suite with every store call alternating between two nodes' stores on one database (see {@link TwoNodes}). */
class PostgresTwoNodesTicketTest extends TicketBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresTwoNodesTicketTest.class);

    @Override
    protected Stores openStores() {
        return TwoNodes.of(PostgresTestStores.openEmpty(SCHEMA), JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA)));
    }
}
