package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
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
import java.sql.PreparedStatement;
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
            assertThat(stores.migrationsApplied()).isEqualTo(10); // V2, V3, V5, V6, V7, V8, V9, V10, V11 and V12
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

    @Test
    void whenOpenedThenItsTokenFamiliesBecomeGrantsThatRotationChecks() throws Exception {
        FamilyId live = FamilyId.random();
        FamilyId revoked = FamilyId.random();
        Instant issued = Instant.parse("2026-03-01T10:00:00Z");
        Instant refreshExpiry = issued.plus(Duration.ofDays(1));
        Instant accessExpiry = issued.plus(Duration.ofDays(2)); // not linked: outlives the refresh token
        insertRefresh(11, "rotated", live, issued, refreshExpiry, "ROTATED", 12);
        insertRefresh(12, "active", live, issued.plusSeconds(60), refreshExpiry, "ACTIVE", 0);
        insertAccess(13, "access", live, issued.plusSeconds(60), accessExpiry);
        insertRefresh(21, "reused", revoked, issued, refreshExpiry, "REVOKED", 0);

        try (JdbcStores stores = TestStores.open(file)) {
            RefreshTokenRecord active = stores.tokens().findRefreshToken(
                    new TokenLookup(12, TokenHasher.hash("active"))).orElseThrow();
            assertThat(active.grant()).isEqualTo(GrantRecord.builder(live).serviceId(1001).clientId(5001)
                    .subject("alice").scopes(Scopes.of("read", "write")).resources(List.of("https://api.example.com/"))
                    .grantType(GrantType.PASSWORD).createdAt(issued).expiresAt(accessExpiry).build());
            assertThat(active.state()).isEqualTo(RefreshTokenState.ACTIVE);
            assertThat(active.properties()).containsExactly(new TokenProperty("tenant", "acme", false));
            assertThat(stores.tokens().findRefreshToken(new TokenLookup(11, TokenHasher.hash("rotated")))
                    .orElseThrow().successorKey()).isEqualTo(12);
            RefreshTokenRecord reused = stores.tokens().findRefreshToken(
                    new TokenLookup(21, TokenHasher.hash("reused"))).orElseThrow();
            assertThat(reused.grant().revoked()).isTrue();

            Instant now = issued.plusSeconds(120);
            RefreshTokenRecord successor = Records.successorOf(active, now, Duration.ofHours(1));
            AccessTokenRecord access = Records.accessToken(now, Duration.ofHours(1), live);
            assertThat(stores.tokens().applyRefresh(new RefreshWrite.Rotate(12, successor, access, now)))
                    .isEqualTo(RefreshWriteOutcome.APPLIED);
            assertThat(stores.tokens().findAccessToken(1001, new TokenLookup(13, TokenHasher.hash("access"))))
                    .isEmpty();
            stores.tokens().revokeGrant(live);
            assertThat(stores.tokens().applyRefresh(new RefreshWrite.Rotate(successor.key(),
                    Records.successorOf(successor, now, Duration.ofHours(1)),
                    Records.accessToken(now, Duration.ofHours(1), live), now)))
                    .isEqualTo(RefreshWriteOutcome.PRECONDITION_FAILED);
        }
        assertThat(query("SELECT count(*) FROM grants")).containsExactly("2");
    }

    private void insertRefresh(long key, String value, FamilyId family, Instant issuedAt, Instant expiresAt,
            String state, long successor) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO refresh_tokens VALUES "
                        + "(?, ?, ?, 1001, 5001, 'alice', 'read write', '[\"https://api.example.com/\"]', 'PASSWORD', "
                        + "?, ?, '[{\"key\":\"tenant\",\"value\":\"acme\",\"hidden\":false}]', 0, ?, ?, ?)")) {
            insert.setLong(1, key);
            insert.setBytes(2, TokenHasher.hash(value).bytes());
            insert.setBytes(3, Columns.family(family));
            insert.setLong(4, issuedAt.toEpochMilli());
            insert.setLong(5, expiresAt.toEpochMilli());
            insert.setString(6, state);
            if (successor == 0) {
                insert.setNull(7, java.sql.Types.INTEGER);
            } else {
                insert.setLong(7, issuedAt.plusSeconds(60).toEpochMilli());
            }
            insert.setLong(8, successor);
            insert.executeUpdate();
        }
    }

    private void insertAccess(long key, String value, FamilyId family, Instant issuedAt, Instant expiresAt)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO access_tokens VALUES "
                        + "(?, ?, 0, 1001, 5001, 'alice', 'read', NULL, 'PASSWORD', ?, ?, ?, NULL, 0)")) {
            insert.setLong(1, key);
            insert.setBytes(2, TokenHasher.hash(value).bytes());
            insert.setLong(3, issuedAt.toEpochMilli());
            insert.setLong(4, expiresAt.toEpochMilli());
            insert.setBytes(5, Columns.family(family));
            insert.executeUpdate();
        }
    }

    /** A caller-chosen token with a key far from those in the dump (which Records drew in another run). */
    private static AccessTokenRecord chosenIn(long serviceId, TokenLookup chosen, Instant now) {
        AccessTokenRecord token = Records.callerChosenAccessToken(serviceId, now, Duration.ofHours(1), chosen.hash());
        return AccessTokenRecord.builder(token.key() + (1L << 50), token.hash()).callerChosen(true)
                .serviceId(serviceId).clientId(token.clientId()).subject(token.subject()).scopes(token.scopes())
                .resources(token.resources()).grantType(token.grantType()).issuedAt(token.issuedAt())
                .expiresAt(token.expiresAt()).properties(token.properties()).build();
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
