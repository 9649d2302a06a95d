package io.grantsmith.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a schema is already at the newest bundled migration, read from Flyway's history table. A restart on a
 * current schema then skips Flyway, whose migrate on a cold JVM (about 1,200 classes loaded, a scan of the migration
 * location, a validation of every applied migration) was the largest part of a restart's time. Only a plain yes
 * counts: no history table, a failed migration, or a last applied version other than the newest bundled one (older,
 * or newer from a later release) answers no, and Flyway migrates and validates as it always did.
 */
final class SchemaVersion {
    /** Flyway's default history table; the store configures no other. */
    private static final String HISTORY = "flyway_schema_history";
    /**
     * On PostgreSQL Flyway keeps it in the connection's current schema (no schema is configured): the first existing
     * schema of the search_path. Unqualified, the name could resolve to another schema's table further down the path.
     */
    private static final String POSTGRES_HISTORY = "SELECT current_schema(), "
            + "to_regclass(quote_ident(current_schema()) || '." + HISTORY + "') IS NOT NULL";

    private SchemaVersion() {
    }

    /** Whether the schema {@code connection} sees needs no migration; any failure to tell answers false. */
    static boolean isCurrent(Connection connection, Dialect dialect) {
        try (Statement statement = connection.createStatement()) {
            String history = historyTable(statement, dialect);
            if (history == null) {
                return false; // a new database
            }
            try (ResultSet row = statement.executeQuery(recorded(history))) {
                return row.next() && dialect.newestMigration().equals(row.getString(1)) && row.getLong(2) == 0;
            }
        } catch (SQLException e) {
            return false; // no history table yet (a new database), or one Flyway must look at itself
        }
    }

    /** The qualified name of the history table Flyway uses on {@code statement}'s connection, or null if none. */
    private static String historyTable(Statement statement, Dialect dialect) throws SQLException {
        return switch (dialect) {
            case SQLITE -> "main." + HISTORY; // Flyway's SQLite schema; unqualified, a TEMP table would come first
            case POSTGRESQL -> {
                try (ResultSet row = statement.executeQuery(POSTGRES_HISTORY)) {
                    String schema = row.next() && row.getBoolean(2) ? row.getString(1) : null;
                    yield schema == null ? null : '"' + schema.replace("\"", "\"\"") + "\"." + HISTORY;
                }
            }
        };
    }

    private static String recorded(String history) {
        return "SELECT (SELECT version FROM " + history + " WHERE version IS NOT NULL ORDER BY installed_rank DESC"
                + " LIMIT 1), (SELECT COUNT(*) FROM " + history + " WHERE NOT success)";
    }
}
