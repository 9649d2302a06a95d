package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.RowMatch.ROW;

/**
 * The SQL of the authorization_tickets and authorization_codes tables (same dialect rules as {@link TokenSql}).
 * Rows are found by {@link RowMatch}: key and hash, or hash alone for a value minted before V12.
 */
final class AuthorizationSql {
    static final String INSERT_TICKET = "INSERT INTO authorization_tickets (token_key, hash, service_id, client_id, "
            + "request, issued_at, expires_at) VALUES (" + Sql.placeholders(7) + ")";

    /** Marks the ticket used if it still can be; the returned row is the ticket. */
    static final RowMatch USE_TICKET = RowMatch.of("UPDATE authorization_tickets SET consumed_at = ? "
            + "WHERE " + ROW + " AND service_id = ? AND consumed_at IS NULL AND expires_at > ? "
            + "RETURNING request, issued_at, expires_at");

    /** Why {@link #USE_TICKET} changed nothing. */
    static final RowMatch TICKET_STATE = RowMatch.of("SELECT consumed_at FROM authorization_tickets WHERE " + ROW
            + " AND service_id = ?");

    static final String INSERT_CODE = "INSERT INTO authorization_codes (token_key, hash, service_id, client_id, "
            + "request, approval, issued_at, expires_at) VALUES (" + Sql.placeholders(8) + ")";

    /** Redeems the code if it is unredeemed and unexpired; the returned row is the code. */
    static final RowMatch REDEEM = RowMatch.of("UPDATE authorization_codes SET redeemed_at = ? "
            + "WHERE " + ROW + " AND service_id = ? AND redeemed_at IS NULL AND expires_at > ? "
            + "RETURNING request, approval, issued_at, expires_at");

    /** A redemption of a redeemed code: recorded as a reuse, answered with the grant to revoke. */
    static final RowMatch MARK_REUSED = RowMatch.of("UPDATE authorization_codes SET reused = 1 "
            + "WHERE " + ROW + " AND service_id = ? AND redeemed_at IS NOT NULL RETURNING grant_id");

    /** Whether {@link #REDEEM} and {@link #MARK_REUSED} changed nothing because the code expired. */
    static final RowMatch CODE_EXISTS = RowMatch.of("SELECT 1 AS found FROM authorization_codes WHERE " + ROW
            + " AND service_id = ?");

    static final RowMatch RECORD_ISSUED = RowMatch.of("UPDATE authorization_codes SET grant_id = ? "
            + "WHERE " + ROW + " AND service_id = ? RETURNING reused");

    /** Redeemed codes too are kept until their expiry, for reuse detection. */
    private AuthorizationSql() {
    }
}
