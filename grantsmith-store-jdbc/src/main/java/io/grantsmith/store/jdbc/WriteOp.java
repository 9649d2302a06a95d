package io.grantsmith.store.jdbc;

import java.sql.SQLException;

/**
 * One write, run by the writer thread inside the open group transaction. It must be a pure function of its
 * inputs and the database: after an unexpected failure of the transaction it is run again, alone.
 */
@FunctionalInterface
interface WriteOp<T> {
    T run(WriteContext context) throws SQLException;
}
