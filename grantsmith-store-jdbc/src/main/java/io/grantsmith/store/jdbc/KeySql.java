package io.grantsmith.store.jdbc;

/** The SQL of the service_keys table. */
final class KeySql {
    static final String COLUMNS = "service_id, kid, alg, state, sealed_private_jwk, public_jwk, created_at, "
            + "activated_at, retired_at, publish_until";

    /** Does nothing when the service has a key with this kid: the caller's precondition fails. */
    static final String INSERT = "INSERT INTO service_keys (" + COLUMNS + ") VALUES (" + Sql.placeholders(10)
            + ") ON CONFLICT (service_id, kid) DO NOTHING";

    /** Changes state and times only when the key is in the expected state. */
    static final String TRANSITION = "UPDATE service_keys SET state = ?, activated_at = ?, retired_at = ?, "
            + "publish_until = ? WHERE service_id = ? AND kid = ? AND state = ?";

    static final String DELETE = "DELETE FROM service_keys WHERE service_id = ? AND kid = ? AND state = ?";

    static final String DELETE_OF_SERVICE = "DELETE FROM service_keys WHERE service_id = ?";

    static final String LIST = "SELECT " + COLUMNS + " FROM service_keys WHERE service_id = ? "
            + "ORDER BY created_at, kid";

    /** At most {@code limit} keys, those due first; a subquery carries the LIMIT, which DELETE has not in SQL. */
    static final String PURGE_RETIRED = "DELETE FROM service_keys WHERE (service_id, kid) IN (SELECT service_id, kid "
            + "FROM service_keys WHERE publish_until IS NOT NULL AND publish_until < ? AND state = 'RETIRED' "
            + "ORDER BY publish_until LIMIT ?)";

    private KeySql() {
    }
}
