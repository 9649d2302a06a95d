package io.grantsmith.store.jdbc;

import java.util.Collections;

/** Small helpers for writing SQL text once, at class initialisation. */
final class Sql {
    private Sql() {
    }

    /** {@code ?, ?, ?} for {@code count} parameters. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** {@code a = excluded.a, b = excluded.b} for an upsert that replaces every listed column. */
    static String replaceFromExcluded(String... columns) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            if (sql.length() > 0) {
                sql.append(", ");
            }
            sql.append(column).append(" = excluded.").append(column);
        }
        return sql.toString();
    }
}
