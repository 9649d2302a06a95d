package io.grantsmith.store.jdbc;

/** The SQL of the authorization_tickets and authorization_codes tables (same dialect rules as {@link TokenSql}). */
final class AuthorizationSql {
    static final String INSERT_TICKET = "INSERT INTO authorization_tickets (hash, service_id, client_id, request, "
            + "issued_at, expires_at) VALUES (" + Sql.placeholders(6) + ")";

    /** Marks the ticket used if it still can be; the returned row is the ticket. */
    static final String USE_TICKET = "UPDATE authorization_tickets SET consumed_at = ? "
            + "WHERE hash = ? AND service_id = ? AND consumed_at IS NULL AND expires_at > ? "
            + "RETURNING request, issued_at, expires_at";

    /** Why {@link #USE_TICKET} changed nothing. */
    static final String TICKET_STATE = "SELECT consumed_at FROM authorization_tickets WHERE hash = ? AND service_id = ?";

    static final String INSERT_CODE = "INSERT INTO authorization_codes (hash, service_id, client_id, request, "
            + "approval, issued_at, expires_at) VALUES (" + Sql.placeholders(7) + ")";

    /** Redeems the code if it is unredeemed and unexpired; the returned row is the code. */
    static final String REDEEM = "UPDATE authorization_codes SET redeemed_at = ? "
            + "WHERE hash = ? AND service_id = ? AND redeemed_at IS NULL AND expires_at > ? "
            + "RETURNING request, approval, issued_at, expires_at";

    /** A redemption of a redeemed code: recorded as a reuse, answered with the grant to revoke. */
    static final String MARK_REUSED = "UPDATE authorization_codes SET reused = 1 "
            + "WHERE hash = ? AND service_id = ? AND redeemed_at IS NOT NULL RETURNING grant_id";

    /** Whether {@link #REDEEM} and {@link #MARK_REUSED} changed nothing because the code expired. */
    static final String CODE_EXISTS = "SELECT 1 AS found FROM authorization_codes WHERE hash = ? AND service_id = ?";

    static final String RECORD_ISSUED = "UPDATE authorization_codes SET grant_id = ? "
            + "WHERE hash = ? AND service_id = ? RETURNING reused";

    /** Redeemed codes too are kept until their expiry, for reuse detection. */
    private AuthorizationSql() {
    }
}
