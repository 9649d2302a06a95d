package io.grantsmith.store.jdbc;

/** The SQL of the users table. */
final class UserSql {
    static final String COLUMNS = "service_id, username, subject, password_hash, created_at, claims";

    static final String INSERT = "INSERT INTO users (" + COLUMNS + ") VALUES (" + Sql.placeholders(6)
            + ") ON CONFLICT (service_id, username) DO NOTHING";

    static final String FIND = "SELECT " + COLUMNS + " FROM users WHERE service_id = ? AND username = ?";

    /** Uses users_service_subject; the oldest user first should older releases have left two with one subject. */
    static final String FIND_BY_SUBJECT = "SELECT " + COLUMNS + " FROM users WHERE service_id = ? AND subject = ? "
            + "ORDER BY created_at, username LIMIT 1";

    /** Replaces the row but its key, as the reference store replaces the record. */
    static final String UPDATE = "UPDATE users SET subject = ?, password_hash = ?, created_at = ?, claims = ? "
            + "WHERE service_id = ? AND username = ?";

    static final String UPDATE_CLAIMS = "UPDATE users SET claims = ? WHERE service_id = ? AND username = ?";

    static final String DELETE = "DELETE FROM users WHERE service_id = ? AND username = ?";

    static final String DELETE_OF_SERVICE = "DELETE FROM users WHERE service_id = ?";

    private UserSql() {
    }
}
