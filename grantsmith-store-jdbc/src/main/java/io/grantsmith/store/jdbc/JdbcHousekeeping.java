package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.registry.Housekeeping;
import java.time.Instant;

/** Deletes expired rows in bounded chunks, as one write, so the janitor never holds the writer for long. */
final class JdbcHousekeeping implements Housekeeping {
    private final StoreWriter writer;

    JdbcHousekeeping(StoreWriter writer) {
        this.writer = writer;
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        if (limit <= 0) {
            return 0; // a negative LIMIT means "no limit" to SQLite
        }
        Params params = Params.of().integer(millis(now)).integer(limit);
        return writer.submit("purgeExpired", context -> context.update(TokenSql.PURGE_ACCESS, params)
                + context.update(TokenSql.PURGE_REFRESH, params)
                + context.update(TokenSql.PURGE_GRANTS, params)
                + context.update(TicketSql.PURGE, params)
                + context.update(AuthorizationSql.PURGE_TICKETS, params)
                + context.update(AuthorizationSql.PURGE_CODES, params));
    }
}
