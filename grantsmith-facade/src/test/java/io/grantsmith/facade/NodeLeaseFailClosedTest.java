package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.registry.NodeLeases;
import io.grantsmith.registry.Stores;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.FastSigningKeys;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node whose node ID lease cannot be renewed stops issuing tokens and reports itself not ready, and resumes once the
 * lease is renewed: the real background renewal with a short ttl (6 s: renewed every second, trusted 4 s, retried
 * every second once lapsed). Not shorter: a busy 2-core CI can delay a renewal by hundreds of milliseconds, and a
 * lease that lapses before the test stops the database would fail the first token.
 */
class NodeLeaseFailClosedTest {
    private final MemoryStores memory = new MemoryStores();
    private final AtomicBoolean leasesDown = new AtomicBoolean();
    private final Grantsmith grantsmith = Grantsmith.builder()
            .stores(withLeases(memory, failing(memory.nodeLeases())))
            .adminToken(FacadeFixture.ADMIN_TOKEN)
            .keyGenerator(new FastSigningKeys())
            .nodeLeaseTtl(Duration.ofSeconds(6))
            .build();

    @AfterEach
    void close() {
        grantsmith.close();
    }

    @Test
    void whenTheLeaseCannotBeRenewedThenNoTokenIsIssuedUntilItIs() throws InterruptedException {
        long serviceId = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"demo\"}"))
                .get("apiKey").asLong();
        ObjectNode client = grantsmith.clients().create(serviceId,
                FacadeFixture.json("{\"grantTypes\":[\"CLIENT_CREDENTIALS\"]}"));
        assertThat(token(serviceId, client).getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(grantsmith.isHealthy()).isTrue();

        leasesDown.set(true);
        awaitTrue(() -> !grantsmith.isHealthy());

        TokenResponse refused = token(serviceId, client);
        assertThat(refused.getAction()).isEqualTo(TokenResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(refused.getResultCode()).isEqualTo("A052101");

        leasesDown.set(false);
        awaitTrue(grantsmith::isHealthy);
        assertThat(token(serviceId, client).getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    private TokenResponse token(long serviceId, ObjectNode client) {
        return grantsmith.tokens().token(serviceId, FacadeFixture.basic("grant_type=client_credentials", client));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private NodeLeases failing(NodeLeases leases) {
        return new NodeLeases() {
            @Override
            public OptionalInt acquire(String holder, Instant now, Instant expiresAt) {
                check();
                return leases.acquire(holder, now, expiresAt);
            }

            @Override
            public boolean renew(int nodeId, String holder, Instant expiresAt) {
                check();
                return leases.renew(nodeId, holder, expiresAt);
            }

            @Override
            public void release(int nodeId, String holder) {
                leases.release(nodeId, holder);
            }

            private void check() {
                if (leasesDown.get()) {
                    throw new StoreException("injected: the database is away");
                }
            }
        };
    }

    private static Stores withLeases(Stores stores, NodeLeases leases) {
        return (Stores) Proxy.newProxyInstance(Stores.class.getClassLoader(), new Class<?>[] {Stores.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("nodeLeases")) {
                        return leases;
                    }
                    try {
                        return method.invoke(stores, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
