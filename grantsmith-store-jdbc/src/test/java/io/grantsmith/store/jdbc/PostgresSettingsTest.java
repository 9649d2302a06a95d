package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;

import io.grantsmith.testkit.TestPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The URL the driver gets keeps the server's error DETAIL (row values) out of exception messages, which the store
 * logs, unless the operator's URL decides otherwise.
 */
class PostgresSettingsTest {
    private static final SealingKey KEY = SealingKey.generate(new SecureRandom());

    @Test
    void theDriverIsToldNotToCopyTheServersErrorDetailIntoMessages() {
        assertThat(connectionUrl("jdbc:postgresql://db:5432/g"))
                .isEqualTo("jdbc:postgresql://db:5432/g?logServerErrorDetail=false");
        assertThat(connectionUrl("jdbc:postgresql://db:5432/g?user=u"))
                .isEqualTo("jdbc:postgresql://db:5432/g?user=u&logServerErrorDetail=false");
        assertThat(connectionUrl("jdbc:postgresql://db:5432/g?user=u&"))
                .isEqualTo("jdbc:postgresql://db:5432/g?user=u&logServerErrorDetail=false");
    }

    /** Group writers: 2–3 × the pooled writer's rate; two of them 1.25–1.54 × four's (docs/BENCHMARKS.md, OPERATIONS.md). */
    @Test
    void theDefaultWriterIsTwoGroupWriters() {
        PostgresSettings defaults = PostgresSettings.defaults("jdbc:postgresql://db:5432/g", KEY);

        assertThat(defaults.writer()).isEqualTo(PostgresSettings.Writer.GROUP);
        assertThat(defaults.groupWriters()).isEqualTo(2);
    }

    @Test
    void aUrlThatSetsTheParameterItselfIsLeftAlone() {
        String url = "jdbc:postgresql://db:5432/g?logServerErrorDetail=true&user=u";

        assertThat(connectionUrl(url)).isEqualTo(url);
        assertThat(PostgresSettings.defaults(url, KEY).url()).isEqualTo(url);
    }

    /** On a real server: a unique violation's message names the row's value only when the URL asks for it. */
    @Test
    void withTheConnectionUrlAConstraintViolationsMessageHoldsNoRowValue() throws SQLException {
        TestPostgres.Schema schema = TestPostgres.schema(PostgresSettingsTest.class);
        String value = "row-value-that-must-not-be-logged";

        String withoutDetail = duplicateKeyMessage(connectionUrl(schema.url()), value);
        String withDetail = duplicateKeyMessage(schema.url() + "&logServerErrorDetail=true", value);

        assertThat(withDetail).as("the driver's default, which the store overrides").contains(value);
        assertThat(withoutDetail).contains("duplicate key").doesNotContain(value);
    }

    /**
     * Every pooled connection carries the write timeout as its statement timeout and twice it as its idle-in-transaction
     * timeout, so a session its node was cut off from mid-transaction releases its row locks in bounded time.
     */
    @Test
    void everyPooledConnectionBoundsItsStatementsAndItsIdleTransactions() {
        TestPostgres.Schema schema = TestPostgres.schema(PostgresSettingsTest.class);
        try (JdbcStores stores = JdbcStores.openPostgres(PostgresTestStores.settings(schema)
                .withWriteTimeout(Duration.ofMillis(1_500)))) {
            assertThat(show(stores, "statement_timeout")).isEqualTo("1500ms");
            assertThat(show(stores, "idle_in_transaction_session_timeout")).isEqualTo("3s");
        }
    }

    /** The group writers hold connections of their own: a pool of one would leave the reads none. */
    @Test
    void aPoolOfOneIsRefusedWithTheGroupWriterBeforeAnythingIsOpened() {
        PostgresSettings one = PostgresSettings.defaults("jdbc:postgresql://127.0.0.1:1/nowhere", KEY).withPoolSize(1);

        assertThatThrownBy(() -> JdbcStores.openPostgres(one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a pool of 1 connection cannot serve the group writer")
                .hasMessageContaining("pooled writer");
        one.withWriter(PostgresSettings.Writer.POOLED).requireWorkable();
        one.withPoolSize(2).requireWorkable();
    }

    @Test
    void theGroupWritersAreClampedToOneLessThanThePool() {
        PostgresSettings settings = PostgresSettings.defaults("jdbc:postgresql://db:5432/g", KEY).withGroupWriters(4);

        assertThat(settings.withPoolSize(16).effectiveGroupWriters()).isEqualTo(4);
        assertThat(settings.withPoolSize(5).effectiveGroupWriters()).isEqualTo(4);
        assertThat(settings.withPoolSize(3).effectiveGroupWriters()).isEqualTo(2);
        assertThat(settings.withPoolSize(2).effectiveGroupWriters()).isEqualTo(1);
    }

    /** An operator who asked for more writers than run is told so once, at start. */
    @Test
    void whenTheGroupWritersAreClampedTheStoreWarnsAtStart() {
        TestPostgres.Schema schema = TestPostgres.schema(PostgresSettingsTest.class);
        try (LogCapture log = LogCapture.of(JdbcStores.class)) {
            JdbcStores.openPostgres(PostgresTestStores.settings(schema).withGroupWriters(4)).close();
            assertThat(log.messages(Level.WARN)).isEmpty();

            JdbcStores.openPostgres(PostgresTestStores.settings(schema).withPoolSize(3).withGroupWriters(4)).close();
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("4 group writers asked for, 2 started").contains("a pool of 3");
        }
    }

    private static String show(JdbcStores stores, String setting) {
        return stores.reads().first("show", "SHOW " + setting, Params.of(), row -> row.getString(1)).orElseThrow();
    }

    private static String duplicateKeyMessage(String url, String value) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE detail_probe (v text PRIMARY KEY)");
            statement.execute("INSERT INTO detail_probe VALUES ('" + value + "')");
            try {
                statement.execute("INSERT INTO detail_probe VALUES ('" + value + "')");
            } catch (SQLException e) {
                return e.getMessage();
            }
            throw new AssertionError("the second insert did not fail");
        }
    }

    private static String connectionUrl(String url) {
        return PostgresSettings.defaults(url, KEY).connectionUrl();
    }
}
