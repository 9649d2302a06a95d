package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConsentStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteConsentStoreTest extends ConsentStoreContract {
    @TempDir
    Path directory;

    @Override
    protected Stores openStores() {
        return TestStores.open(directory.resolve("consents/grantsmith.db"));
    }

    @Test
    void whenTheDatabaseIsOpenedAgainThenConsentsAreStillThere() {
        stores.consents().grant(7, "alice", 11, List.of("openid", "email"), 1000);
        stores.close();

        stores = openStores();

        assertThat(stores.consents().granted(7, "alice", 11)).containsExactlyInAnyOrder("openid", "email");
    }
}
