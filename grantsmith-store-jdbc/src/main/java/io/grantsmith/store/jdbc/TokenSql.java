package io.grantsmith.store.jdbc;

/**
 * The SQL of the access_tokens, refresh_tokens and grants tables. It keeps to what SQLite (3.35+) and PostgreSQL share:
 * {@code ON CONFLICT}, {@code RETURNING}, {@code LIMIT} in subqueries, so a PostgreSQL store needs only another
 * migration set and its own connection handling. Every change to a refresh token is one conditional statement
 * whose update count (or returned row) says whether its precondition held: there is no read-then-write.
 * State literals are the names of {@code RefreshTokenState}.
 */
final class TokenSql {
    static final String ACCESS_COLUMNS = "token_key, hash, caller_chosen, service_id, client_id, subject, scopes, "
            + "resources, grant_type, issued_at, expires_at, family, properties, client_id_alias_used";

    /**
     * Conflicts on the key, or for a caller-chosen value on its hash within its service, insert nothing (update
     * count 0).
     */
    static final String INSERT_ACCESS = "INSERT INTO access_tokens (" + ACCESS_COLUMNS + ") VALUES ("
            + Sql.placeholders(14) + ") ON CONFLICT DO NOTHING";

    static final String FIND_ACCESS = "SELECT " + ACCESS_COLUMNS
            + " FROM access_tokens WHERE token_key = ? AND hash = ? AND service_id = ?";

    /** Caller-chosen values are unique per service (index access_tokens_caller_chosen, migration V2). */
    static final String FIND_CALLER_CHOSEN_ACCESS = "SELECT " + ACCESS_COLUMNS
            + " FROM access_tokens WHERE service_id = ? AND hash = ? AND caller_chosen = 1";

    /** The family's other access tokens; the new one (inserted just before) stays. */
    static final String DELETE_FAMILY_ACCESS_EXCEPT = "DELETE FROM access_tokens WHERE family = ? AND token_key <> ?";

    static final String DELETE_ACCESS = "DELETE FROM access_tokens WHERE token_key = ?";

    static final String DELETE_FAMILY_ACCESS = "DELETE FROM access_tokens WHERE family = ?";

    static final String GRANT_COLUMNS = "id, service_id, client_id, subject, scopes, resources, grant_type, claims, "
            + "auth_time, acr, nonce, created_at, expires_at, revoked, consented_claims";

    /** A grant's id is a random UUID: a clash inserts nothing, and the caller mints afresh. */
    static final String INSERT_GRANT = "INSERT INTO grants (" + GRANT_COLUMNS + ") VALUES (" + Sql.placeholders(15)
            + ") ON CONFLICT DO NOTHING";

    /**
     * The grant of the refresh token with a row key, unless it is revoked, kept at least until the refresh's new
     * tokens expire. The first statement of every refresh write: on a multi-node store it locks the grant row
     * against a concurrent revocation, and after one it updates nothing (the precondition fails). (A CASE rather
     * than SQLite's two-argument MAX, which PostgreSQL spells GREATEST.) Parameters: the expiry twice, the key.
     */
    static final String KEEP_GRANT = "UPDATE grants SET expires_at = CASE WHEN expires_at < ? THEN ? ELSE expires_at END "
            + "WHERE id = (SELECT family FROM refresh_tokens WHERE token_key = ?) AND revoked = 0";

    static final String FIND_GRANT = "SELECT " + GRANT_COLUMNS + " FROM grants WHERE id = ?";

    static final String REVOKE_GRANT = "UPDATE grants SET revoked = 1 WHERE id = ?";

    static final String REFRESH_COLUMNS = "token_key, hash, family, issued_at, expires_at, properties, "
            + "client_id_alias_used, state, rotated_at, successor_key";

    static final String INSERT_REFRESH = "INSERT INTO refresh_tokens (" + REFRESH_COLUMNS + ") VALUES ("
            + Sql.placeholders(10) + ") ON CONFLICT DO NOTHING";

    /** A refresh token with its grant; the grant's columns are prefixed {@code g_}. */
    private static final String SELECT_REFRESH = "SELECT r.token_key, r.hash, r.family, r.issued_at, r.expires_at, "
            + "r.properties, r.client_id_alias_used, r.state, r.rotated_at, r.successor_key, g.id AS g_id, "
            + "g.service_id AS g_service_id, g.client_id AS g_client_id, g.subject AS g_subject, "
            + "g.scopes AS g_scopes, g.resources AS g_resources, g.grant_type AS g_grant_type, g.claims AS g_claims, "
            + "g.auth_time AS g_auth_time, g.acr AS g_acr, g.nonce AS g_nonce, g.created_at AS g_created_at, "
            + "g.expires_at AS g_expires_at, g.revoked AS g_revoked, g.consented_claims AS g_consented_claims "
            + "FROM refresh_tokens r JOIN grants g ON g.id = r.family ";

    static final String FIND_REFRESH = SELECT_REFRESH + "WHERE r.token_key = ? AND r.hash = ?";

    static final String FIND_REFRESH_BY_KEY = SELECT_REFRESH + "WHERE r.token_key = ?";

    /** The precondition of every refresh write: ACTIVE and unexpired at the write's time. */
    private static final String GUARD = " WHERE token_key = ? AND state = 'ACTIVE' AND expires_at > ? RETURNING family";

    static final String ROTATE = "UPDATE refresh_tokens SET state = 'ROTATED', rotated_at = ?, successor_key = ?"
            + GUARD;

    static final String EXTEND = "UPDATE refresh_tokens SET expires_at = ?, properties = ?" + GUARD;

    /**
     * A replay changes nothing on the refresh token, but still checks its precondition with an UPDATE rather
     * than a SELECT: on PostgreSQL that locks the row against a concurrent rotation until the commit.
     */
    static final String CHECK_ACTIVE = "UPDATE refresh_tokens SET state = state" + GUARD;

    /** Rotated and revoked tokens are kept until their own expiry, for reuse detection. */
    private TokenSql() {
    }
}
