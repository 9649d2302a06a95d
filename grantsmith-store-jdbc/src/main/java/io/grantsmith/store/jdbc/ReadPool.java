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
    private final ConnectionGate connections;

    ReadPool(HikariDataSource dataSource) {
        this(dataSource, ConnectionGate.alwaysOpen(dataSource));
    }

    /** Reads through {@code connections}, the gate that fails them at once while the database is away. */
    ReadPool(HikariDataSource dataSource, ConnectionGate connections) {
        this.dataSource = dataSource;
        this.connections = connections;
    }

    <T> Optional<T> first(String operation, String sql, Params params, RowReader<T> reader) {
        return run(operation, sql, statement -> Statements.first(statement, params, reader));
    }

    <T> List<T> all(String operation, String sql, Params params, RowReader<T> reader) {
        return run(operation, sql, statement -> Statements.all(statement, params, reader));
    }

    /** Whether a connection answers {@code SELECT 1} within {@code timeoutSeconds}. */
    boolean answers(int timeoutSeconds) {
        long mark = connections.mark();
        try (Connection connection = connections.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rows = statement.executeQuery()) {
                boolean answered = rows.next() && rows.getInt(1) == 1;
                connections.succeeded(mark);
                return answered;
            }
        } catch (SQLException | RuntimeException e) {
            connections.failed(e);
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
        long mark = connections.mark();
        try (Connection connection = connections.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            T result = call.run(statement);
            connections.succeeded(mark);
            return result;
        } catch (SQLException e) {
            connections.failed(e);
            throw new StoreException(operation + " failed", e);
        }
    }

    @FunctionalInterface
    private interface StatementCall<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
