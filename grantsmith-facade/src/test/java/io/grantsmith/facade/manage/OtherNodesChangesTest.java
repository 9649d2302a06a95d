package io.grantsmith.facade.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.IssuanceLimit;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.facade.access.ApiAccess;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.jose.ServiceKeyRing;
import io.grantsmith.registry.StoredService;
import io.grantsmith.store.memory.MemoryStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a node drops when its change notices may have been lost: the API secrets too, not only the directory. */
class OtherNodesChangesTest {
    private final MemoryStores stores = new MemoryStores();
    private final ApiAccess access = new ApiAccess(stores.services(), stores.settings(), TokenHasher.hash("admin"),
            Duration.ofHours(1));
    private final OtherNodesChanges changes = new OtherNodesChanges(
            new Directory(stores.services(), stores.clients(), Duration.ofHours(1), id -> IssuanceLimit.UNLIMITED),
            new ServiceKeyRing(stores.keys(), Clock.systemUTC(), Duration.ofHours(1)), access);

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void whenEverythingMayHaveChangedThenASecretRotatedByAnotherNodeIsCheckedAgainstTheStore() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        stores.services().insert(new StoredService(5, TokenHasher.hash("old-secret"), "{}", now, now));
        assertThat(access.keyAndSecret("5", "old-secret").serviceId()).isEqualTo(5L); // cached now
        stores.services().update(new StoredService(5, TokenHasher.hash("new-secret"), "{}", now, now));

        changes.everythingMayHaveChanged();

        assertThatThrownBy(() -> access.keyAndSecret("5", "old-secret")).isInstanceOf(ApiFailure.class);
        assertThat(access.keyAndSecret("5", "new-secret").serviceId()).isEqualTo(5L);
    }
}
