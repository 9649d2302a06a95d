package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.TestPostgres;
import io.grantsmith.testkit.TicketBehaviour;

class PostgresStoresTicketTest extends TicketBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoresTicketTest.class);

    @Override
    protected Stores openStores() {
        return PostgresTestStores.openEmpty(SCHEMA);
    }
}
