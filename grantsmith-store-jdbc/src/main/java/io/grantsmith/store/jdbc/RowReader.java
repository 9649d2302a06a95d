package io.grantsmith.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result set into a value. */
@FunctionalInterface
interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
}
