package io.grantsmith.store.jdbc;

/** The SQL of the services table. */
final class ServiceSql {
    static final String COLUMNS = "id, api_secret_hash, document, created_at, modified_at";

    static final String INSERT = "INSERT INTO services (" + COLUMNS + ") VALUES (" + Sql.placeholders(5)
            + ") ON CONFLICT (id) DO NOTHING";

    static final String FIND = "SELECT " + COLUMNS + " FROM services WHERE id = ?";

    /** Replaces the whole row but its ID, as the reference store replaces the record. */
    static final String UPDATE = "UPDATE services SET api_secret_hash = ?, document = ?, created_at = ?, "
            + "modified_at = ? WHERE id = ?";

    static final String DELETE = "DELETE FROM services WHERE id = ?";

    static final String LIST = "SELECT " + COLUMNS + " FROM services ORDER BY id LIMIT ? OFFSET ?";

    static final String COUNT = "SELECT count(*) FROM services";

    private ServiceSql() {
    }
}
