package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.registry.Housekeeping;
import java.time.Instant;
import java.util.List;

/**
 * Deletes expired rows in bounded chunks, as one write, so the janitor never holds the writer for long; on
 * PostgreSQL without waiting for rows another transaction holds (see {@link ExpiredRowsSql}).
 */
final class JdbcHousekeeping implements Housekeeping {
    private final StoreWriter writer;
    private final List<String> statements;

    JdbcHousekeeping(StoreWriter writer, Dialect dialect) {
        this.writer = writer;
        this.statements = ExpiredRowsSql.of(dialect);
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        if (limit <= 0) {
            return 0; // a negative LIMIT means "no limit" to SQLite
        }
        Params params = Params.of().integer(millis(now)).integer(limit);
        return writer.submit("purgeExpired", context -> {
            int deleted = 0;
            for (String statement : statements) {
                deleted += context.update(statement, params);
            }
            return deleted;
        });
    }

    /** Writes queued for the group-commit writer, or waiting for a pooled connection on PostgreSQL. */
    @Override
    public boolean writesWaiting() {
        return writer.queueDepth() > 0;
    }
}
