package io.grantsmith.store.jdbc;

import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** The value of the row {@code name} in the writer tests' {@code settings} table of the schema, or null. */
    static String settingValue(TestPostgres.Schema schema, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(schema.url());
                PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
