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
 */
final class ExpiredRowsSql {
    /** Table and the key its rows are deleted by. */
    private static final List<String[]> TABLES = List.of(
            new String[] {"access_tokens", "token_key"},
            new String[] {"refresh_tokens", "token_key"},
            new String[] {"grants", "id"},
            new String[] {"tickets", "hash"},
            new String[] {"authorization_tickets", "hash"},
            new String[] {"authorization_codes", "hash"});

    static final List<String> SQLITE = statements("");
    static final List<String> POSTGRESQL = statements(" FOR UPDATE SKIP LOCKED");

    private ExpiredRowsSql() {
    }

    static List<String> of(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? POSTGRESQL : SQLITE;
    }

    private static List<String> statements(String locking) {
        return TABLES.stream().map(table -> "DELETE FROM " + table[0] + " WHERE " + table[1] + " IN (SELECT "
                + table[1] + " FROM " + table[0] + " WHERE expires_at < ? LIMIT ?" + locking + ")").toList();
    }
}
