package io.grantsmith.store.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What deleting a client or a service deletes besides its row: everything issued to it (access and refresh tokens,
 * grant records, password-grant tickets, authorization tickets and codes) and the consents users gave it. Run in the
 * write that deletes the row, so that a client is never gone while its tokens stay, nor the reverse. Refresh tokens
 * carry no client, so they go first, through their grants. None of the token tables is indexed by client or service
 * (an index would cost every issuance a second B-tree insert): each statement scans its table, which on SQLite holds
 * the writer meanwhile (see OPERATIONS.md, Housekeeping).
 *
 * <p>On PostgreSQL every statement is bounded by the write timeout (5 s by default: {@code statement_timeout} and
 * the driver's socket timeout), which would cancel a large store's deletion and roll it back: the purge lifts the
 * bound to {@link #STATEMENT_BOUND} for its own transaction.</p>
 */
final class OwnerPurgeSql {
    /** Ten minutes a statement: a scan of some two billion token rows at the 0.23 s per million measured. */
    static final Duration STATEMENT_BOUND = Duration.ofMinutes(10);

    /** Parameters: client ID, service ID (each statement binds them in this order). */
    static final List<String> OF_CLIENT = List.of(
            "DELETE FROM refresh_tokens WHERE family IN (SELECT id FROM grants WHERE client_id = ? AND service_id = ?)",
            "DELETE FROM access_tokens WHERE client_id = ? AND service_id = ?",
            "DELETE FROM grants WHERE client_id = ? AND service_id = ?",
            "DELETE FROM tickets WHERE client_id = ? AND service_id = ?",
            "DELETE FROM authorization_tickets WHERE client_id = ? AND service_id = ?",
            "DELETE FROM authorization_codes WHERE client_id = ? AND service_id = ?",
            "DELETE FROM consents WHERE client_id = ? AND service_id = ?");

    /** Parameter: service ID. */
    static final List<String> OF_SERVICE = List.of(
            "DELETE FROM refresh_tokens WHERE family IN (SELECT id FROM grants WHERE service_id = ?)",
            "DELETE FROM access_tokens WHERE service_id = ?",
            "DELETE FROM grants WHERE service_id = ?",
            "DELETE FROM tickets WHERE service_id = ?",
            "DELETE FROM authorization_tickets WHERE service_id = ?",
            "DELETE FROM authorization_codes WHERE service_id = ?",
            "DELETE FROM consents WHERE service_id = ?");

    private OwnerPurgeSql() {
    }

    /** Runs {@code statements} with {@code params} each; returns the rows they deleted. */
    static int run(WriteContext context, List<String> statements, Params params) throws SQLException {
        context.allowLongStatements(STATEMENT_BOUND);
        int deleted = 0;
        for (String statement : statements) {
            deleted += context.update(statement, params);
        }
        return deleted;
    }
}
