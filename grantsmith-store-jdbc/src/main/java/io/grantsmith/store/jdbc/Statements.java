package io.grantsmith.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Running a prepared statement with {@link Params}, shared by the writer and the read pool. */
final class Statements {
    private Statements() {
    }

    static int update(PreparedStatement statement, Params params) throws SQLException {
        params.bind(statement);
        return statement.executeUpdate();
    }

    /** The first row, if any; also for {@code UPDATE ... RETURNING}, whose result set must be closed to finish. */
    static <T> Optional<T> first(PreparedStatement statement, Params params, RowReader<T> reader)
            throws SQLException {
        params.bind(statement);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
        }
    }

    static <T> List<T> all(PreparedStatement statement, Params params, RowReader<T> reader) throws SQLException {
        params.bind(statement);
        List<T> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(reader.read(rows));
            }
        }
        return List.copyOf(result);
    }
}
