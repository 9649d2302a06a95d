package io.grantsmith.store.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a {@link WriteOp} may do on the writer connection. Statements are prepared once and reused. */
interface WriteContext {
    int update(String sql, Params params) throws SQLException;

    /** The first row of a query or of {@code ... RETURNING}. */
    <T> Optional<T> first(String sql, Params params, RowReader<T> reader) throws SQLException;

    <T> List<T> all(String sql, Params params, RowReader<T> reader) throws SQLException;

    /**
     * Opens a savepoint, for an operation of several statements that may end in an expected failure after it
     * has written something: {@link OpSavepoint#rollback()} then undoes this operation only, not the others of
     * the batch. Closing releases the savepoint.
     */
    OpSavepoint savepoint() throws SQLException;

    /**
     * Lets this transaction's further statements run up to {@code bound} each, where the writer otherwise bounds every
     * statement by the write timeout (PostgreSQL's {@code statement_timeout} and the driver's socket timeout): for a
     * deletion that scans large tables. Nothing to lift where no statement is bounded (SQLite's single writer).
     */
    default void allowLongStatements(Duration bound) throws SQLException {
    }

    /** A savepoint around one operation. */
    interface OpSavepoint extends AutoCloseable {
        void rollback() throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
