package io.grantsmith.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements that take a schema migrated to the newest version (V12) back to the one before, as if V12 had never
 * run: for the tests of a schema one migration behind (the same SQL on SQLite and PostgreSQL).
 */
final class NewestMigrationUndone {
    static final String VERSION = "12";

    static final List<String> STATEMENTS;

    static {
        List<String> statements = new ArrayList<>();
        for (String table : List.of("authorization_codes", "authorization_tickets", "tickets")) {
            statements.add("DROP INDEX " + table + "_token_key");
            statements.add("DROP INDEX " + table + "_legacy_hash");
            statements.add("ALTER TABLE " + table + " DROP COLUMN token_key");
            statements.add("CREATE UNIQUE INDEX " + table + "_hash ON " + table + " (hash)");
        }
        statements.add("DELETE FROM flyway_schema_history WHERE version = '" + VERSION + "'");
        STATEMENTS = List.copyOf(statements);
    }

    /** A query that fails unless V12 ran again: it names the column V12 adds. */
    static final String REDONE = "SELECT token_key FROM authorization_codes LIMIT 0";

    private NewestMigrationUndone() {
    }
}
