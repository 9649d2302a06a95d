package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.testkit.Records;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by release 0.1 ({@code db/release-0.1.sql}) opens, migrates and keeps working. */
class PreviousReleaseTest {
    @TempDir
    Path directory;

    private Path file;

    @BeforeEach
    void restoreTheOldDatabase() throws Exception {
        file = directory.resolve("grantsmith.db");
        restore(file, "/db/release-0.1.sql");
    }

    @Test
    void whenOpenedThenItsClientSecretsAreResealedBoundToTheirServiceAndStillOpen() throws Exception {
        try (JdbcStores stores = TestStores.open(file)) {
            assertThat(stores.migrationsApplied()).isEqualTo(4); // V2, V3, V5 and V8
            assertThat(stores.clients().find(1001, 5001).orElseThrow().secret().matches("secret-of-5001")).isTrue();
            assertThat(stores.clients().find(1002, 5002).orElseThrow().secret().matches("secret-of-5002")).isTrue();
            assertThat(stores.clients().find(1001, 5003).orElseThrow().secret()).isNull();
            assertThat(stores.clients().findByAlias(1001, "web").orElseThrow().clientId()).isEqualTo(5001);
        }

        assertThat(query("SELECT DISTINCT hex(substr(sealed_secret, 1, 1)) FROM clients WHERE sealed_secret IS NOT NULL"))
                .as("format byte of every sealed secret").containsExactly("02");
    }

    @Test
    void whenAMigratedClientRowIsMovedToAnotherServiceThenItsSecretNoLongerOpens() throws Exception {
        TestStores.open(file).close();

        execute("UPDATE clients SET service_id = 1002 WHERE client_id = 5001");

        try (JdbcStores stores = TestStores.open(file)) {
            assertThatThrownBy(() -> stores.clients().find(1002, 5001)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("altered or moved");
        }
    }

    @Test
    void whenOpenedWithAWrongKeyThenItRefusesWithTheReasonAndChangesNoSecret() {
        SqliteSettings wrongKey = SqliteSettings.defaults(file, SealingKey.of(TestStores.filled(9)));

        assertThatThrownBy(() -> JdbcStores.openSqlite(wrongKey)).isInstanceOf(StoreException.class)
                .hasMessageContaining("wrong sealing key");

        try (JdbcStores stores = TestStores.open(file)) {
            assertThat(stores.clients().find(1001, 5001).orElseThrow().secret().matches("secret-of-5001")).isTrue();
        }
    }

    @Test
    void whenOpenedThenItsCallerChosenTokenBelongsToItsServiceOnly() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        TokenLookup chosen = new TokenLookup(0, TokenHasher.hash("chosen-by-caller"));

        try (JdbcStores stores = TestStores.open(file)) {
            assertThat(stores.tokens().findAccessToken(1001, chosen).orElseThrow().key()).isEqualTo(1099511627778L);
            assertThat(stores.tokens().findAccessToken(1002, chosen)).isEmpty();
            assertThat(stores.tokens().saveAccessToken(chosenIn(1002, chosen, now))).isEqualTo(SaveOutcome.SAVED);
            assertThat(stores.tokens().saveAccessToken(chosenIn(1001, chosen, now))).isEqualTo(SaveOutcome.DUPLICATE);
        }
    }

    /** A caller-chosen token with a key far from those in the dump (which Records drew in another run). */
    private static AccessTokenRecord chosenIn(long serviceId, TokenLookup chosen, Instant now) {
        AccessTokenRecord token = Records.callerChosenAccessToken(serviceId, now, Duration.ofHours(1), chosen.hash());
        return new AccessTokenRecord(token.key() + (1L << 50), token.hash(), true, serviceId, token.clientId(),
                token.subject(), token.scopes(), token.resources(), token.grantType(), token.issuedAt(),
                token.expiresAt(), token.family(), token.properties(), token.clientIdAliasUsed());
    }

    /** Runs an {@code sqlite3 .dump} script; its statements end at line ends with ';'. */
    private static void restore(Path file, String resource) throws IOException, SQLException {
        String script;
        try (InputStream in = PreviousReleaseTest.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\R")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
