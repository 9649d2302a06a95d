package io.grantsmith.facade.manage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The directory's caches take a quarter of the heap, at most 64 MiB: never most of a small heap. */
class DirectoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void theCachesTakeAQuarterOfASmallHeapAndAtMost64MiBOfALargeOne() {
        assertThat(Directory.cacheBudget(96 * MIB)).isEqualTo(24 * MIB);
        assertThat(Directory.cacheBudget(128 * MIB)).isEqualTo(32 * MIB);
        assertThat(Directory.cacheBudget(4096 * MIB)).isEqualTo(64 * MIB);
    }

    @Test
    void theThreeCachesShareTheBudget() {
        assertThat(Directory.SERVICE_WEIGHT + Directory.CLIENT_WEIGHT + Directory.ALIAS_WEIGHT)
                .isEqualTo(Directory.CACHE_BUDGET);
    }
}
