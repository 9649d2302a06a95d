package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The pool's connections and the change listener's carry the same driver timeouts (one list,
 * {@link PostgresDatabase#driverTimeouts()}), and a timeout the operator put in the URL wins on both. The socket
 * timeout shows as a connection's network timeout.
 */
class PostgresDriverTimeoutsTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresDriverTimeoutsTest.class);

    @Test
    void theTimeoutsFollowTheWriteTimeout() {
        PostgresDatabase database = new PostgresDatabase(PostgresTestStores.settings(SCHEMA)
                .withWriteTimeout(Duration.ofMillis(2_500)));

        assertThat(database.driverTimeouts()).containsExactly(java.util.Map.entry("connectTimeout", "3"),
                java.util.Map.entry("loginTimeout", "3"), java.util.Map.entry("socketTimeout", "7"),
                java.util.Map.entry("cancelSignalTimeout", "1"));
    }

    @Test
    void thePoolAndTheListenerGetTheSocketTimeout() throws SQLException {
        PostgresDatabase database = new PostgresDatabase(PostgresTestStores.settings(SCHEMA));

        assertThat(poolNetworkTimeout(database)).isEqualTo(11_000);
        try (Connection listener = database.openListenerConnection()) {
            assertThat(listener.getNetworkTimeout()).isEqualTo(11_000);
        }
    }

    @Test
    void aSocketTimeoutInTheUrlWinsOnThePoolAndOnTheListener() throws SQLException {
        PostgresDatabase database = new PostgresDatabase(PostgresSettings.defaults(SCHEMA.url() + "&socketTimeout=30",
                TestStores.KEY).withPoolSize(2));

        assertThat(poolNetworkTimeout(database)).isEqualTo(30_000);
        try (Connection listener = database.openListenerConnection()) {
            assertThat(listener.getNetworkTimeout()).isEqualTo(30_000);
        }
    }

    @Test
    void theUrlSetsOnlyTheParametersOfItsQuery() {
        PostgresSettings settings = PostgresSettings.defaults(
                "jdbc:postgresql://db:5432/g?user=u&socketTimeout=30&xconnectTimeout=1", TestStores.KEY);

        assertThat(settings.urlSets("socketTimeout")).isTrue();
        assertThat(settings.urlSets("connectTimeout")).isFalse();
        assertThat(settings.urlSets("user")).isTrue();
        assertThat(PostgresSettings.defaults("jdbc:postgresql://db/socketTimeout=1", TestStores.KEY)
                .urlSets("socketTimeout")).isFalse();
    }

    private static int poolNetworkTimeout(PostgresDatabase database) throws SQLException {
        try (HikariDataSource pool = database.openPool(); Connection connection = pool.getConnection()) {
            return connection.getNetworkTimeout();
        }
    }
}
