package io.grantsmith.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL only: the rows of many writes of one {@code INSERT ... ON CONFLICT DO NOTHING} as a single statement,
 * each column bound as one array and the arrays read back as rows by {@code unnest}. The group writer sends a batch's
 * plain access-token INSERTs ({@link TokenSql#INSERT_ACCESS}) this way: one statement, parsed and planned once and
 * run once for the whole batch, where a JDBC batch still has the server run the INSERT once per row; and when the
 * batch holds nothing else, the statement is its own transaction, so the batch costs one round trip to the server
 * in all (no BEGIN, no COMMIT).
 *
 * <p>Which rows went in is told by {@code RETURNING} the two columns that identify a row, the key and the hash (the
 * rows' first two parameters): a row that conflicted (a taken key, a caller-chosen value already used in its service,
 * or an earlier row of the same statement) returns nothing and is a duplicate, exactly as its INSERT alone would
 * have counted 0. A row is matched by both values, so of two rows with the same key only the one whose hash went in
 * is told it did.
 *
 * <p>This is the one place where the PostgreSQL store runs a statement that the SQLite store does not: the same rows
 * in the same table under the same conflict rule, tested on PostgreSQL ({@code PostgresGroupWritersTest}, the
 * PostgreSQL store contract suites).
 *
 * @param rowSql the one-row INSERT whose writes this statement takes
 * @param sql    the statement: the columns of {@code rowSql}, from {@code unnest} of one array parameter each, in
 *               {@code rowSql}'s order, {@code ON CONFLICT DO NOTHING RETURNING} the key and hash columns
 */
record ArrayInsert(String rowSql, String sql) {
    static final ArrayInsert ACCESS_TOKENS = new ArrayInsert(TokenSql.INSERT_ACCESS,
            "INSERT INTO access_tokens (" + TokenSql.ACCESS_COLUMNS + ") SELECT * FROM unnest(?::bigint[], "
                    + "?::bytea[], ?::integer[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], "
                    + "?::bigint[], ?::bigint[], ?::bytea[], ?::text[], ?::integer[]) ON CONFLICT DO NOTHING "
                    + "RETURNING token_key, hash");

    /** The array form of the one-row INSERT {@code rowSql}, or null when it has none. */
    static ArrayInsert of(String rowSql) {
        return ACCESS_TOKENS.rowSql.equals(rowSql) ? ACCESS_TOKENS : null;
    }

    /**
     * Inserts {@code rows} (each the parameters of one {@link #rowSql}) with {@code statement}, prepared from
     * {@link #sql}, and returns for each row, in order, whether it went in.
     */
    boolean[] run(PreparedStatement statement, List<Params> rows) throws SQLException {
        int columns = rows.get(0).size();
        for (int column = 0; column < columns; column++) {
            statement.setObject(column + 1, Params.column(rows, column));
        }
        Map<Long, List<byte[]>> inserted = new HashMap<>();
        try (ResultSet returned = statement.executeQuery()) {
            while (returned.next()) {
                inserted.computeIfAbsent(returned.getLong(1), key -> new ArrayList<>(1)).add(returned.getBytes(2));
            }
        }
        boolean[] went = new boolean[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            List<byte[]> hashes = inserted.get((Long) rows.get(row).value(0));
            byte[] hash = (byte[]) rows.get(row).value(1);
            went[row] = hashes != null && takeFirst(hashes, hash);
        }
        return went;
    }

    /** Removes the first of {@code hashes} equal to {@code hash}: each returned row is one row's. */
    private static boolean takeFirst(List<byte[]> hashes, byte[] hash) {
        for (int i = 0; i < hashes.size(); i++) {
            if (Arrays.equals(hashes.get(i), hash)) {
                hashes.remove(i);
                return true;
            }
        }
        return false;
    }
}
