package io.grantsmith.store.jdbc;

import java.sql.SQLException;
import java.util.function.IntFunction;

/**
 * A write that is one statement and whose result follows from its update count alone: a plain
 * {@code INSERT ... ON CONFLICT DO NOTHING}, or a conditional {@code UPDATE} or {@code DELETE} whose count says
 * whether its precondition held. The PostgreSQL group writer sends a batch's writes of one SQL text as one JDBC
 * batch (one round trip for all of them); the driver still reports each statement's own update count, in order, so
 * each write gets its own result, as if it had run alone at that point of the transaction.
 *
 * @param outcome the write's result from its statement's update count
 */
record SingleUpdate<T>(String sql, Params params, IntFunction<T> outcome) implements WriteOp<T> {
    @Override
    public T run(WriteContext context) throws SQLException {
        return outcome.apply(context.update(sql, params));
    }
}
