package io.grantsmith.facade.purge;

import io.grantsmith.registry.Stores;
import io.grantsmith.store.jdbc.JdbcStores;
import io.grantsmith.store.jdbc.PostgresSettings;
import io.grantsmith.store.jdbc.SealingKey;
import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

class PostgresOwnerDeletionTest extends OwnerDeletionBehaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresOwnerDeletionTest.class);

    @Override
    protected Stores openStores() {
        SCHEMA.truncate();
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return JdbcStores.openPostgres(PostgresSettings.defaults(SCHEMA.url(), SealingKey.of(key)).withPoolSize(4));
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(SCHEMA.url());
    }
}
