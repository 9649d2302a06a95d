package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.KeyStoreContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteKeyStoreContractTest extends KeyStoreContract {
    @TempDir
    Path directory;

    private JdbcStores jdbc() {
        return (JdbcStores) stores;
    }

    @Override
    protected Stores openStores() {
        return TestStores.open(directory.resolve("keys/grantsmith.db"));
    }

    @Test
    void whenKeyIsStoredThenNeitherTheRowNorTheFileHoldsThePrivateKeyInClear() throws Exception {
        keys.apply(1, List.of(new KeyChange.Insert(key(1, "k1", SigningAlgorithm.ES256, KeyState.CURRENT, NOW))));

        byte[] sealed = jdbc().reads().first("raw", "SELECT sealed_private_jwk FROM service_keys WHERE kid = 'k1'",
                Params.of(), row -> row.getBytes(1)).orElseThrow();
        String publicJwk = jdbc().reads().first("raw", "SELECT public_jwk FROM service_keys WHERE kid = 'k1'",
                Params.of(), row -> row.getString(1)).orElseThrow();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private-k1");
        assertThat(publicJwk).isEqualTo("{\"kid\":\"k1\"}");
        stores.close();
        stores = null;
        for (Path file : List.of(directory.resolve("keys/grantsmith.db"), directory.resolve("keys/grantsmith.db-wal"))) {
            if (Files.exists(file)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("private-k1");
            }
        }
        try (JdbcStores reopened = TestStores.open(directory.resolve("keys/grantsmith.db"))) {
            assertThat(reopened.keys().list(1)).singleElement()
                    .satisfies(key -> assertThat(key.privateJwk().reveal()).isEqualTo("{\"d\":\"private-k1\"}"));
        }
    }

    @Test
    void whenSealedKeyIsMovedToAnotherKidOrServiceThenItDoesNotOpen() {
        keys.apply(1, List.of(new KeyChange.Insert(key(1, "k1", SigningAlgorithm.ES256, KeyState.CURRENT, NOW)),
                new KeyChange.Insert(key(1, "k2", SigningAlgorithm.ES256, KeyState.NEXT, NOW))));
        jdbc().writer().submit("tamper", context -> context.update("UPDATE service_keys SET sealed_private_jwk = "
                + "(SELECT sealed_private_jwk FROM service_keys WHERE kid = 'k1') WHERE kid = 'k2'", Params.of()));

        assertThatThrownBy(() -> keys.list(1)).isInstanceOf(StoreException.class).hasMessageContaining("does not open");

        jdbc().writer().submit("tamper", context -> context.update("DELETE FROM service_keys WHERE kid = 'k2'",
                Params.of()) + context.update("UPDATE service_keys SET service_id = 2", Params.of()));
        assertThatThrownBy(() -> keys.list(2)).isInstanceOf(StoreException.class).hasMessageContaining("does not open");
    }

    @Test
    void whenOpenedWithAnotherSealingKeyThenStoredKeysDoNotOpen() {
        keys.apply(1, List.of(new KeyChange.Insert(key(1, "k1", SigningAlgorithm.ES256, KeyState.CURRENT, NOW))));
        stores.close();
        stores = null;

        try (JdbcStores other = JdbcStores.openSqlite(SqliteSettings.defaults(directory.resolve("keys/grantsmith.db"),
                SealingKey.of(TestStores.filled(8))))) {
            assertThatThrownBy(() -> other.keys().list(1)).isInstanceOf(StoreException.class);
        }
    }
}
