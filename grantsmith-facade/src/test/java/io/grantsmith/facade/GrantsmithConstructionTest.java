package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.store.memory.MemoryStores;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GrantsmithConstructionTest {
    private static final String LEASE_THREAD = "grantsmith-node-lease";

    /**
     * The node lease starts first; a setting refused after it (here an admin token shorter than 32 characters) must not leave its renewal thread
     * running against a store the caller then closes (it logged errors into whatever ran next).
     */
    @Test
    void whenASettingIsRefusedDuringConstructionThenTheNodeLeaseThreadStops() throws InterruptedException {
        long before = leaseThreads();
        try (MemoryStores stores = new MemoryStores()) {
            assertThatThrownBy(() -> Grantsmith.builder().stores(stores).adminToken("shorter-than-32").build())
                    .isInstanceOf(RuntimeException.class).hasMessageContaining("32");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (leaseThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(leaseThreads()).isLessThanOrEqualTo(before);
    }

    private static long leaseThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals(LEASE_THREAD))
                .count();
    }
}
