package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.registry.StoredClient;
import io.grantsmith.registry.StoredService;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.testkit.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReopenDurabilityTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String SECRET = "client-secret-that-must-not-be-on-disk";

    @TempDir
    Path directory;

    @Test
    void whenReopenedThenEverythingWrittenBeforeCloseIsThere() {
        Path file = directory.resolve("nested/dirs/grantsmith.db");
        FamilyId family = FamilyId.random();
        AccessTokenRecord access = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord grantAccess = Records.accessToken(NOW, HOUR, family);
        RefreshTokenRecord refresh = Records.refreshToken(NOW, HOUR, family);
        Ticket ticket = Records.ticket(Records.SERVICE, NOW, HOUR);
        StoredService service = new StoredService(7, Records.freshHash(), "{\"serviceName\":\"s\"}", NOW, NOW);
        StoredClient client = new StoredClient(7, 701, "web", ClientSecret.of(SECRET), "{\"clientId\":701}", NOW,
                NOW.plusSeconds(1));
        StoredUser user = new StoredUser(7, "alice", "sub-1", "$argon2id$v=19$x", NOW);

        try (JdbcStores stores = TestStores.open(file)) {
            stores.tokens().saveAccessToken(access);
            stores.tokens().saveGrant(grantAccess, refresh);
            stores.tickets().saveTicket(ticket);
            stores.services().insert(service);
            stores.clients().insert(client);
            stores.users().insert(user);
            stores.settings().put("admin.token.hash", "abc");
        }

        try (JdbcStores stores = TestStores.open(file)) {
            assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(access))).contains(access);
            assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grantAccess))).contains(grantAccess);
            assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh))).contains(refresh);
            assertThat(stores.services().find(7)).contains(service);
            StoredClient found = stores.clients().find(7, 701).orElseThrow();
            assertThat(found.secret().matches(SECRET)).isTrue();
            assertThat(found).usingRecursiveComparison().ignoringFields("secret").isEqualTo(client);
            assertThat(stores.users().find(7, "alice")).contains(user);
            assertThat(stores.settings().get("admin.token.hash")).contains("abc");
            assertThat(stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW).status())
                    .isEqualTo(TicketUse.Status.USED);
        }
    }

    @Test
    void whenAClientIsStoredThenItsSecretIsNotInTheDatabaseFileInClear() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        try (JdbcStores stores = TestStores.open(file)) {
            stores.clients().insert(new StoredClient(7, 701, null, ClientSecret.of(SECRET),
                    "{\"clientName\":\"findable-document\"}", NOW, NOW));
        }

        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);

        assertThat(content).as("the row reached the file").contains("findable-document");
        assertThat(content).doesNotContain(SECRET);
    }

    @Test
    void whenReopenedWithAnotherSealingKeyThenReadingASecretFailsLoudly() {
        Path file = directory.resolve("grantsmith.db");
        try (JdbcStores stores = TestStores.open(file)) {
            stores.clients().insert(new StoredClient(7, 701, "web", ClientSecret.of(SECRET), "{}", NOW, NOW));
        }

        SqliteSettings otherKey = SqliteSettings.defaults(file, SealingKey.of(TestStores.filled(9)));
        try (JdbcStores stores = JdbcStores.openSqlite(otherKey)) {
            assertThatThrownBy(() -> stores.clients().find(7, 701))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("wrong sealing key")
                    .hasMessageNotContaining(SECRET);
        }
    }
}
