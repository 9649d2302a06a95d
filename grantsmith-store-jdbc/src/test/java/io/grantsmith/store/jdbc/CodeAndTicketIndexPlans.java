package io.grantsmith.store.jdbc;

import java.util.List;

/**
 * Every statement that finds a code or ticket row ({@link RowMatch}), with its table: the index tests check that each
 * variant reads the index it was made for, the unique key index for a value with a key and the partial hash index
 * for one without ({@code SqliteCodeAndTicketIndexTest}, {@code PostgresCodeAndTicketIndexTest}).
 */
final class CodeAndTicketIndexPlans {
    record Lookup(String name, RowMatch match, String table) {
    }

    static final List<Lookup> LOOKUPS = List.of(
            new Lookup("USE_TICKET", AuthorizationSql.USE_TICKET, "authorization_tickets"),
            new Lookup("TICKET_STATE", AuthorizationSql.TICKET_STATE, "authorization_tickets"),
            new Lookup("REDEEM", AuthorizationSql.REDEEM, "authorization_codes"),
            new Lookup("MARK_REUSED", AuthorizationSql.MARK_REUSED, "authorization_codes"),
            new Lookup("CODE_EXISTS", AuthorizationSql.CODE_EXISTS, "authorization_codes"),
            new Lookup("RECORD_ISSUED", AuthorizationSql.RECORD_ISSUED, "authorization_codes"),
            new Lookup("USE", TicketSql.USE, "tickets"),
            new Lookup("STATE", TicketSql.STATE, "tickets"));

    private CodeAndTicketIndexPlans() {
    }
}
