package io.grantsmith.store.jdbc;

import io.grantsmith.testkit.TestPostgres;

/** Opening PostgreSQL stores on a test class's schema (see {@link TestPostgres}). */
final class PostgresTestStores {
    private PostgresTestStores() {
    }

    static PostgresSettings settings(TestPostgres.Schema schema) {
        return PostgresSettings.defaults(schema.url(), TestStores.KEY).withPoolSize(8);
    }

    /** A store on the schema with every table emptied (migrated on first use). */
    static JdbcStores openEmpty(TestPostgres.Schema schema) {
        schema.truncate();
        return JdbcStores.openPostgres(settings(schema));
    }
}
