package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the pooled writer sends: a write of one statement ({@link SingleUpdate}, the access-token INSERT of
 * {@code client_credentials}) runs in auto-commit, committed by the server before it answers, with no COMMIT of its
 * own; a write of several statements runs in one transaction. The writer runs on connections of the test's own, which
 * record the calls that decide this.
 */
class PostgresPooledWriterStatementsTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresPooledWriterStatementsTest.class);
    private static final String INSERT = "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private PooledWriter writer;

    @BeforeAll
    static void migrate() {
        JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA)).close();
    }

    @BeforeEach
    void open() {
        SCHEMA.truncate();
        writer = new PooledWriter(ConnectionGate.alwaysOpen(recording()), () -> 0, Dialect.POSTGRESQL,
                Duration.ofSeconds(5));
    }

    @Test
    void whenAWriteIsOneStatementThenItRunsInAutoCommitWithoutACommitOfItsOwn() throws Exception {
        int inserted = writer.submit("insert", new SingleUpdate<>(INSERT, Params.of().text("a").text("1"),
                count -> count));

        assertThat(inserted).isEqualTo(1);
        assertThat(calls).containsExactly("setAutoCommit(true)", "execute in auto-commit", "close");
        assertThat(value("a")).as("committed when the write returned").isEqualTo("1");
    }

    @Test
    void whenAWriteIsSeveralStatementsThenTheyRunInOneTransaction() throws Exception {
        int inserted = writer.submit("two", context -> context.update(INSERT, Params.of().text("b").text("1"))
                + context.update(INSERT, Params.of().text("c").text("1")));

        assertThat(inserted).isEqualTo(2);
        assertThat(calls).containsExactly("setAutoCommit(false)", "execute in a transaction",
                "execute in a transaction", "commit", "close");
        assertThat(value("b")).isEqualTo("1");
        assertThat(value("c")).isEqualTo("1");
    }

    /** Connections to the test schema that record setAutoCommit, commit, rollback, close and each execution. */
    private DataSource recording() {
        return proxy(DataSource.class, (method, args) -> {
            if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
            }
            Connection real = DriverManager.getConnection(SCHEMA.url());
            return proxy(Connection.class, (call, callArgs) -> {
                switch (call.getName()) {
                    case "setAutoCommit" -> calls.add("setAutoCommit(" + callArgs[0] + ")");
                    case "commit", "rollback", "close" -> calls.add(call.getName());
                    default -> {
                    }
                }
                Object result = call.invoke(real, callArgs);
                if (call.getName().equals("prepareStatement")) {
                    PreparedStatement statement = (PreparedStatement) result;
                    return proxy(PreparedStatement.class, (run, runArgs) -> {
                        if (run.getName().startsWith("execute")) {
                            calls.add(real.getAutoCommit() ? "execute in auto-commit" : "execute in a transaction");
                        }
                        return run.invoke(statement, runArgs);
                    });
                }
                return result;
            });
        });
    }

    private static String value(String name) throws SQLException {
        return PostgresTestStores.settingValue(SCHEMA, name);
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    try {
                        return call.invoke(method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
