package io.grantsmith.store.jdbc;

/** The SQL of the tickets table (same dialect rules as {@link TokenSql}). */
final class TicketSql {
    static final String COLUMNS = "hash, service_id, client_id, client_id_alias_used, client_auth_method, scopes, "
            + "resources, issued_at, expires_at, consumed_at";

    /** Saving a ticket whose hash exists replaces it, as the reference store does. */
    static final String UPSERT = "INSERT INTO tickets (" + COLUMNS + ") VALUES (" + Sql.placeholders(10)
            + ") ON CONFLICT (hash) DO UPDATE SET " + Sql.replaceFromExcluded("service_id", "client_id",
            "client_id_alias_used", "client_auth_method", "scopes", "resources", "issued_at", "expires_at",
            "consumed_at");

    /** Marks the ticket used if it still can be; the returned row is the ticket as it was before. */
    static final String USE = "UPDATE tickets SET consumed_at = ? "
            + "WHERE hash = ? AND service_id = ? AND consumed_at IS NULL AND expires_at > ? "
            + "RETURNING service_id, client_id, client_id_alias_used, client_auth_method, scopes, resources, "
            + "issued_at, expires_at";

    /** Why {@link #USE} changed nothing. */
    static final String STATE = "SELECT consumed_at FROM tickets WHERE hash = ? AND service_id = ?";

    private TicketSql() {
    }
}
