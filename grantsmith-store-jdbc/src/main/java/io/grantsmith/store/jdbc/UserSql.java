package io.grantsmith.store.jdbc;

/** The SQL of the users table. */
final class UserSql {
    static final String COLUMNS = "service_id, username, subject, password_hash, created_at";

    static final String INSERT = "INSERT INTO users (" + COLUMNS + ") VALUES (" + Sql.placeholders(5)
            + ") ON CONFLICT (service_id, username) DO NOTHING";

    static final String FIND = "SELECT " + COLUMNS + " FROM users WHERE service_id = ? AND username = ?";

    /** Replaces the row but its key, as the reference store replaces the record. */
    static final String UPDATE = "UPDATE users SET subject = ?, password_hash = ?, created_at = ? "
            + "WHERE service_id = ? AND username = ?";

    static final String DELETE = "DELETE FROM users WHERE service_id = ? AND username = ?";

    static final String DELETE_OF_SERVICE = "DELETE FROM users WHERE service_id = ?";

    private UserSql() {
    }
}
