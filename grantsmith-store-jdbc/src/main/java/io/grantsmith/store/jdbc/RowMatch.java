package io.grantsmith.store.jdbc;

import io.grantsmith.core.spi.TokenLookup;

/**
 * How a statement finds the row of an authorization code or ticket (tables {@code authorization_codes},
 * {@code authorization_tickets}, {@code tickets}) from a presented value: {@code token_key = ? AND hash = ?} through
 * the unique key index, where new rows are appended (migration V12); or, for a value minted before V12 (it carries no
 * key), {@code token_key IS NULL AND hash = ?} through the partial hash index that covers only such rows. The hash is
 * always compared: the key is not secret.
 *
 * <p>A statement is written with {@link #ROW} where the match goes; {@link #of} makes both variants once, so that
 * each stays one constant string (one prepared statement) and a consumption stays one conditional statement.</p>
 */
final class RowMatch {
    /** Where a statement's row match goes. */
    static final String ROW = "{row}";

    private final String keyed;
    private final String legacy;

    private RowMatch(String keyed, String legacy) {
        this.keyed = keyed;
        this.legacy = legacy;
    }

    /** Both variants of {@code sql}, which holds {@link #ROW} once. */
    static RowMatch of(String sql) {
        if (sql.indexOf(ROW) < 0 || sql.indexOf(ROW) != sql.lastIndexOf(ROW)) {
            throw new IllegalArgumentException("the statement names its row once: " + sql);
        }
        return new RowMatch(sql.replace(ROW, "token_key = ? AND hash = ?"),
                sql.replace(ROW, "token_key IS NULL AND hash = ?"));
    }

    /** The variant that finds {@code lookup}'s row. */
    String sql(TokenLookup lookup) {
        return lookup.keyed() ? keyed : legacy;
    }

    String keyed() {
        return keyed;
    }

    String legacy() {
        return legacy;
    }

    /** Binds the row match's parameters, at the place of {@link #ROW} among the statement's. */
    static Params bind(Params params, TokenLookup lookup) {
        if (lookup.keyed()) {
            params.integer(lookup.key());
        }
        return params.blob(lookup.hash().bytes());
    }

    /** The {@code token_key} column of a new row: its key, or NULL for a row that carries none. */
    static Long column(long key) {
        return key == 0 ? null : key;
    }
}
