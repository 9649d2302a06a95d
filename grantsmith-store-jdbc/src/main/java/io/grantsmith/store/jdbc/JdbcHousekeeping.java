package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.registry.Housekeeping;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deletes expired rows in bounded chunks, as one write, so the janitor never holds the writer for long; on
 * PostgreSQL without waiting for rows another transaction holds (see {@link ExpiredRowsSql}).
 */
final class JdbcHousekeeping implements Housekeeping {
    private final StoreWriter writer;
    private final List<String> statements;
    /** Purges submitted since {@link #othersWriting} was last asked: the writer's own count includes them. */
    private final AtomicLong purgesSinceAsked = new AtomicLong();
    private long committedWhenAsked;
    /** Purges that returned or failed: the writer's running counts include them. */
    private final AtomicLong purgesDone = new AtomicLong();

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
        purgesSinceAsked.incrementAndGet();
        try {
            return writer.submit("purgeExpired", context -> {
                int deleted = 0;
                for (String statement : statements) {
                    deleted += context.update(statement, params);
                }
                return deleted;
            });
        } finally {
            purgesDone.incrementAndGet();
        }
    }

    /**
     * The writer's committed and failed writes less the purges: a purge withdrawn at its write timeout (counted
     * neither way) makes this one short from then on, which the janitor, looking at differences, does not notice.
     */
    @Override
    public long writesByOthers() {
        return Math.max(0, writer.opsCommitted() + writer.opsFailed() - purgesDone.get());
    }

    /**
     * Whether the writer committed writes other than the purges since the last call, or has some queued now (for
     * the group-commit writer) or waiting for a connection (PostgreSQL's pool). A look at the queue alone is not
     * enough: the group-commit writer takes every queued write into the batch that follows the purge's, so right
     * after a purge commits its queue is mostly empty even under full load (measured: the janitor then purged at full
     * speed, 150k rows/s, beside 5k tokens/s).
     */
    @Override
    public synchronized boolean othersWriting() {
        long committed = writer.opsCommitted() + writer.opsFailed();
        long others = committed - committedWhenAsked - purgesSinceAsked.getAndSet(0);
        committedWhenAsked = committed;
        return others > 0 || writer.queueDepth() > 0;
    }
}
