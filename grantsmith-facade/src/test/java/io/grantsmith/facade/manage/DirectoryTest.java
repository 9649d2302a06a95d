package io.grantsmith.facade.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.spi.IssuanceLimit;
import io.grantsmith.store.memory.MemoryStores;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The directory's caches are keyed by what strangers send, so they are bounded by weight. */
class DirectoryTest {
    private final MemoryStores stores = new MemoryStores();

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void whenUnknownAliasesFloodTheCacheThenItKeepsWithinItsWeight() {
        long budget = 100_000;
        Directory directory = new Directory(stores.services(), stores.clients(), Duration.ofMinutes(1),
                id -> IssuanceLimit.UNLIMITED, id -> null, budget, budget, budget);
        int entryWeight = Directory.ENTRY_OVERHEAD + 2 * 200;

        for (int i = 0; i < 2_000; i++) {
            String alias = String.format("%0200d", i); // as long as an alias may be
            assertThat(directory.findClientByAlias(1, alias)).isEmpty();
        }

        // a count bound (the old 100,000 entries) would keep all 2,000 of them
        assertThat(directory.cachedAliases()).isPositive().isLessThanOrEqualTo(budget / entryWeight);
    }
}
