package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.NodeLeaseContract;
import io.grantsmith.testkit.TestPostgres;

/** The contract with the second node a store of its own (another pool and writer) on the same database. */
class PostgresNodeLeaseContractTest extends NodeLeaseContract {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresNodeLeaseContractTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }

    @Override
    protected Stores openSecondNode() {
        return JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA));
    }
}
