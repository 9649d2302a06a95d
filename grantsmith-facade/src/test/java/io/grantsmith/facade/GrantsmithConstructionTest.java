package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.grantsmith.jose.JoseProvider;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.FastSigningKeys;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

    /**
     * A start does not wait for the JOSE provider's selection (the native provider's load and self-test, 0.3-1 s of
     * a cold start): Grantsmith is built and healthy while it is still running, and what asks for the provider gets
     * it once it is made.
     */
    @Test
    void buildingDoesNotWaitForTheJoseProviderSelection() {
        CompletableFuture<JoseProvider> selection = new CompletableFuture<>(); // still running
        try (MemoryStores stores = new MemoryStores()) {
            Grantsmith grantsmith = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Grantsmith.builder()
                    .stores(stores).keyGenerator(new FastSigningKeys()).joseProviderSelection(selection).build());
            try {
                assertThat(grantsmith.isHealthy()).isTrue();
                assertThat(grantsmith.joseProviderSelection().toCompletableFuture()).isNotDone();

                selection.complete(JoseProvider.jdk());

                assertThat(grantsmith.joseProviderSelection().toCompletableFuture().join()).isSameAs(JoseProvider.jdk());
                assertThat(grantsmith.joseProvider()).isSameAs(JoseProvider.jdk());
            } finally {
                grantsmith.close();
            }
        }
    }

    private static long leaseThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals(LEASE_THREAD))
                .count();
    }
}
