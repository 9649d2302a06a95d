package io.grantsmith.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a schema is already at the newest bundled migration, read from Flyway's history table in one query. A
 * restart on a current schema then skips Flyway, whose migrate on a cold JVM (about 1,200 classes loaded, a scan of
 * the migration location, a validation of every applied migration) was the largest part of a restart's time. Only
 * a plain yes counts: no history table, a failed migration, or a last applied version other than the newest bundled
 * one (older, or newer from a later release) answers no, and Flyway migrates and validates as it always did.
 */
final class SchemaVersion {
    /** Flyway's default history table, in the connection's current schema as Flyway looks for it. */
    private static final String RECORDED = "SELECT (SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
            + " ORDER BY installed_rank DESC LIMIT 1), (SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success)";

    private SchemaVersion() {
    }

    /** Whether the schema {@code connection} sees needs no migration; any failure to tell answers false. */
    static boolean isCurrent(Connection connection, Dialect dialect) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(RECORDED)) {
            return row.next() && dialect.newestMigration().equals(row.getString(1)) && row.getLong(2) == 0;
        } catch (SQLException e) {
            return false; // no history table yet (a new database), or one Flyway must look at itself
        }
    }
}
