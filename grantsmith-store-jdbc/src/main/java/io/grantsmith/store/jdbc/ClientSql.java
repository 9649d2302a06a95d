package io.grantsmith.store.jdbc;

/** The SQL of the clients table. */
final class ClientSql {
    static final String COLUMNS = "client_id, service_id, alias, sealed_secret, document, created_at, modified_at";

    /** Does nothing when the client ID or the alias (within the service) is taken; see {@link #ID_TAKEN}. */
    static final String INSERT = "INSERT INTO clients (" + COLUMNS + ") VALUES (" + Sql.placeholders(7)
            + ") ON CONFLICT DO NOTHING";

    static final String ID_TAKEN = "SELECT 1 FROM clients WHERE client_id = ?";

    /**
     * Replaces the row (but its IDs) unless another client of the service has the new alias. The NOT EXISTS
     * keeps an alias clash an outcome rather than a constraint error; the unique index still guards races.
     */
    static final String UPDATE = "UPDATE clients SET alias = ?, sealed_secret = ?, document = ?, created_at = ?, "
            + "modified_at = ? WHERE client_id = ? AND service_id = ? AND NOT EXISTS (SELECT 1 FROM clients other "
            + "WHERE other.service_id = ? AND other.alias = ? AND other.client_id <> ?)";

    static final String EXISTS = "SELECT 1 FROM clients WHERE client_id = ? AND service_id = ?";

    static final String FIND = "SELECT " + COLUMNS + " FROM clients WHERE client_id = ? AND service_id = ?";

    static final String FIND_BY_ALIAS = "SELECT " + COLUMNS + " FROM clients WHERE service_id = ? AND alias = ?";

    static final String DELETE = "DELETE FROM clients WHERE client_id = ? AND service_id = ?";

    static final String DELETE_OF_SERVICE = "DELETE FROM clients WHERE service_id = ?";

    static final String LIST = "SELECT " + COLUMNS + " FROM clients WHERE service_id = ? ORDER BY client_id "
            + "LIMIT ? OFFSET ?";

    static final String COUNT = "SELECT count(*) FROM clients WHERE service_id = ?";

    private ClientSql() {
    }
}
