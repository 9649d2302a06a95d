package io.grantsmith.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.grantsmith.core.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Read connections beside the writer (WAL lets them read while it writes). A read may miss the writer's very
 * latest commit; that is harmless because every write re-checks its condition in SQL.
 */
final class ReadPool implements AutoCloseable {
    private final HikariDataSource dataSource;

    ReadPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> Optional<T> first(String operation, String sql, Params params, RowReader<T> reader) {
        return run(operation, sql, statement -> Statements.first(statement, params, reader));
    }

    <T> List<T> all(String operation, String sql, Params params, RowReader<T> reader) {
        return run(operation, sql, statement -> Statements.all(statement, params, reader));
    }

    /** Whether a connection answers {@code SELECT 1} within {@code timeoutSeconds}. */
    boolean answers(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private <T> T run(String operation, String sql, StatementCall<T> call) {
        if (dataSource.isClosed()) {
            throw new StoreException(operation + " failed: the store is closed");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return call.run(statement);
        } catch (SQLException e) {
            throw new StoreException(operation + " failed", e);
        }
    }

    @FunctionalInterface
    private interface StatementCall<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
