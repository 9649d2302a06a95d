package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.facade.users.PasswordHasher;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void whenPasswordHashedThenThePhcStringCarriesArgon2idParametersAndVerifies() {
        String hash = hasher.hash("s3cret");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("s3cret");
        assertThat(hasher.verify("s3cret", hash)).isTrue();
        assertThat(hasher.verify("s3cret!", hash)).isFalse();
    }

    @Test
    void whenSamePasswordHashedTwiceThenSaltsDiffer() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void whenHashIsMalformedThenVerifyIsFalseRatherThanAnError() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=oops,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=8,t=1,p=1$!!!$AAAA")).isFalse();
    }

    @Test
    void whenVerifyingAgainThenArgon2MemoryIsReusedNotAllocated() {
        // Argon2id's 19 MiB allocated per hash were the heap churn that made G1 copy and promote live blocks under a
        // password flood; the pooled hasher reuses them. Counted per thread by the JVM: exact, not a timing.
        String hash = hasher.hash("s3cret");
        hasher.verify("wrong", hash); // the pool holds the blocks from here on

        long allocated = allocatedBy(() -> hasher.verify("wrong again", hash));

        assertThat(allocated).isLessThan(1024L * 1024); // one hash's blocks are 19 MiB; their index array is 78 KiB
    }

    @Test
    void whenTwoHashesRunAtOnceThenEachHasItsOwnBlocksAndBothVerify() throws Exception {
        PasswordHasher pooled = new PasswordHasher(new SecureRandom(), 2);
        String first = pooled.hash("first");
        String second = pooled.hash("second");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                var a = pool.submit(() -> pooled.verify("first", first) && !pooled.verify("second", first));
                var b = pool.submit(() -> pooled.verify("second", second) && !pooled.verify("first", second));
                assertThat(a.get()).isTrue();
                assertThat(b.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        work.run();
        return threads.getThreadAllocatedBytes(thread) - before;
    }
}
