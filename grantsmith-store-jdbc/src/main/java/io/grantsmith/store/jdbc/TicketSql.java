package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.RowMatch.ROW;

/**
 * The SQL of the tickets table (same dialect rules as {@link TokenSql}). Rows are found by {@link RowMatch}: key and
 * hash, or hash alone for a value minted before V12.
 */
final class TicketSql {
    static final String COLUMNS = "token_key, hash, service_id, client_id, client_id_alias_used, client_auth_method, "
            + "scopes, resources, issued_at, expires_at, consumed_at";

    private static final String REPLACE = " DO UPDATE SET " + Sql.replaceFromExcluded("hash", "service_id",
            "client_id", "client_id_alias_used", "client_auth_method", "scopes", "resources", "issued_at",
            "expires_at", "consumed_at");

    /**
     * Saving a ticket whose row exists replaces it, as the reference store does: the row of its key, through the
     * unique key index.
     */
    static final String UPSERT = "INSERT INTO tickets (" + COLUMNS + ") VALUES (" + Sql.placeholders(11)
            + ") ON CONFLICT (token_key)" + REPLACE;

    /**
     * The same for a ticket without a key (saved as before V12): the conflict target names the partial index that
     * holds such rows, which both databases need spelled out with its predicate.
     */
    static final String UPSERT_LEGACY = "INSERT INTO tickets (" + COLUMNS + ") VALUES (" + Sql.placeholders(11)
            + ") ON CONFLICT (hash) WHERE token_key IS NULL" + REPLACE;

    /** Marks the ticket used if it still can be; the returned row is the ticket as it was before. */
    static final RowMatch USE = RowMatch.of("UPDATE tickets SET consumed_at = ? "
            + "WHERE " + ROW + " AND service_id = ? AND consumed_at IS NULL AND expires_at > ? "
            + "RETURNING service_id, client_id, client_id_alias_used, client_auth_method, scopes, resources, "
            + "issued_at, expires_at");

    /** Why {@link #USE} changed nothing. */
    static final RowMatch STATE = RowMatch.of("SELECT consumed_at FROM tickets WHERE " + ROW + " AND service_id = ?");

    private TicketSql() {
    }
}
