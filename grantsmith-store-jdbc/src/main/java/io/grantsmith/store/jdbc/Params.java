package io.grantsmith.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement parameters in order, with their SQL types. Values are converted (JSON, sealing, times) on the calling
 * thread when a write is submitted, so the single writer thread spends its time on SQL only. Nulls carry their
 * type because PostgreSQL, unlike SQLite, needs one.
 */
final class Params {
    private enum Kind { INTEGER, TEXT, BLOB, BOOLEAN }

    private final List<Object> values = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();

    static Params of() {
        return new Params();
    }

    Params integer(long value) {
        return add(Kind.INTEGER, value);
    }

    Params integerOrNull(Long value) {
        return add(Kind.INTEGER, value);
    }

    Params text(String value) {
        return add(Kind.TEXT, value);
    }

    Params blob(byte[] value) {
        return add(Kind.BLOB, value);
    }

    Params bool(boolean value) {
        return add(Kind.BOOLEAN, value);
    }

    /** Appends the parameters of {@code other} after these. */
    Params then(Params other) {
        values.addAll(other.values);
        kinds.addAll(other.kinds);
        return this;
    }

    /** How many parameters there are. */
    int size() {
        return values.size();
    }

    /** The parameter at {@code index} (from 0) as given: a Long, String, byte[] or Boolean, or null. */
    Object value(int index) {
        return values.get(index);
    }

    /**
     * The parameter at {@code index} (from 0) of every row, in order, as one array for a PostgreSQL array parameter
     * ({@link ArrayInsert}): {@code Long[]} (bigint), {@code String[]} (text), {@code byte[][]} (bytea) or, for flags,
     * {@code Integer[]} of 0 and 1 (integer), nulls kept. Every row must have the same kinds (rows of one statement).
     */
    static Object column(List<Params> rows, int index) {
        Kind kind = rows.get(0).kinds.get(index);
        Object[] column = switch (kind) {
            case INTEGER -> new Long[rows.size()];
            case TEXT -> new String[rows.size()];
            case BLOB -> new byte[rows.size()][];
            case BOOLEAN -> new Integer[rows.size()];
        };
        for (int row = 0; row < rows.size(); row++) {
            Params params = rows.get(row);
            if (params.kinds.get(index) != kind) {
                throw new IllegalArgumentException("parameter " + (index + 1) + " of row " + row + " is "
                        + params.kinds.get(index) + ", of the first row " + kind);
            }
            Object value = params.values.get(index);
            column[row] = kind == Kind.BOOLEAN ? Integer.valueOf((Boolean) value ? 1 : 0) : value;
        }
        return column;
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, kinds.get(i), values.get(i));
        }
    }

    private Params add(Kind kind, Object value) {
        kinds.add(kind);
        values.add(value);
        return this;
    }

    private static void bind(PreparedStatement statement, int index, Kind kind, Object value) throws SQLException {
        switch (kind) {
            case INTEGER:
                if (value == null) {
                    statement.setNull(index, Types.BIGINT);
                } else {
                    statement.setLong(index, (Long) value);
                }
                break;
            case TEXT:
                if (value == null) {
                    statement.setNull(index, Types.VARCHAR);
                } else {
                    statement.setString(index, (String) value);
                }
                break;
            case BLOB:
                if (value == null) {
                    statement.setNull(index, Types.BINARY);
                } else {
                    statement.setBytes(index, (byte[]) value);
                }
                break;
            case BOOLEAN:
                // flags are INTEGER 0/1 on both databases: PostgreSQL would refuse a boolean for an integer column
                statement.setInt(index, (Boolean) value ? 1 : 0);
                break;
            default:
                throw new IllegalStateException("unknown parameter kind " + kind);
        }
    }
}
