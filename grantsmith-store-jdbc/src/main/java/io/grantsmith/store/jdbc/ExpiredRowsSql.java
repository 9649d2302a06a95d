package io.grantsmith.store.jdbc;

import java.util.List;

/**
 * The janitor's statements: each deletes at most a bounded number of expired rows of one table, found through that
 * table's {@code expires_at} index. Parameters: the cut-off time, the limit.
 *
 * <p>On PostgreSQL the rows are picked {@code FOR UPDATE SKIP LOCKED}: every node runs a janitor, and two janitors
 * deleting the same expired rows would otherwise wait on each other's row locks (or deadlock, taking them in
 * different orders), and a janitor would wait behind any other transaction holding one of those rows. Skipping
 * them, concurrent janitors delete disjoint batches and never wait; a skipped row goes in a later batch. SQLite has
 * one writer, which nothing else holds while a batch runs, and no such clause.</p>
 *
 * <p>Two more things keep PostgreSQL on the indexes when expired rows are spread through a large table.
 * {@code ORDER BY expires_at} before the {@code LIMIT}: without it the planner may read the table in physical order
 * (a Seq Scan that stops after {@code limit} matches, but reads every live row before them). And the outer
 * {@code WHERE key = ANY(ARRAY(SELECT ...))} instead of {@code key IN (SELECT ...)}: with a generic plan (a prepared
 * statement run often enough) the planner does not know the limit is small and turns {@code IN} into a Hash Semi Join
 * over the whole table; an array is an initplan computed first, so the DELETE is a primary-key lookup per row.
 * {@code PostgresExpiredPurgePlanTest} checks both plans.</p>
 *
 * <p>Tickets and codes have no column that is a key for all their rows (since V12 new rows have a {@code token_key},
 * rows from before have only their hash, and the hash is indexed for those only): their rows are deleted by the
 * row's physical address, {@code rowid} on SQLite and {@code ctid} on PostgreSQL (a Tid Scan; the rows are locked by
 * the inner select, so their addresses cannot change before the delete).</p>
 */
final class ExpiredRowsSql {
    /** Table and the key its rows are deleted by, on SQLite and on PostgreSQL. */
    private static final List<String[]> TABLES = List.of(
            new String[] {"access_tokens", "token_key", "token_key"},
            new String[] {"refresh_tokens", "token_key", "token_key"},
            new String[] {"grants", "id", "id"},
            new String[] {"tickets", "rowid", "ctid"},
            new String[] {"authorization_tickets", "rowid", "ctid"},
            new String[] {"authorization_codes", "rowid", "ctid"});

    static final List<String> SQLITE = TABLES.stream().map(table -> "DELETE FROM " + table[0] + " WHERE "
            + table[1] + " IN (" + expiredKeys(table[0], table[1]) + ")").toList();
    static final List<String> POSTGRESQL = TABLES.stream().map(table -> "DELETE FROM " + table[0] + " WHERE "
            + table[2] + " = ANY(ARRAY(" + expiredKeys(table[0], table[2]) + " FOR UPDATE SKIP LOCKED))").toList();

    private ExpiredRowsSql() {
    }

    static List<String> of(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? POSTGRESQL : SQLITE;
    }

    /** The keys of at most {@code limit} expired rows, oldest first: read from the {@code expires_at} index. */
    private static String expiredKeys(String table, String key) {
        return "SELECT " + key + " FROM " + table + " WHERE expires_at < ? ORDER BY expires_at LIMIT ?";
    }
}
