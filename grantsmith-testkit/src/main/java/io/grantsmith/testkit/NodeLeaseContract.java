package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.registry.NodeLeases;
import io.grantsmith.registry.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link NodeLeases} must do: an ID is held by one holder at a time, a live lease is
 * never taken, an expired one can be, and renewal keeps it. A store's test class extends this and opens a fresh,
 * empty store; {@link #openSecondNode} opens another node's view of the same store where there can be one.
 */
public abstract class NodeLeaseContract {
    protected static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);

    protected Stores stores;
    private NodeLeases leases;

    /** A new, empty store. */
    protected abstract Stores openStores() throws Exception;

    /**
     * Another node's stores on the same database as {@link #stores} (a second pool and writer), or {@link #stores}
     * itself for a store that lives in one process.
     */
    protected Stores openSecondNode() throws Exception {
        return stores;
    }

    @BeforeEach
    void open() throws Exception {
        stores = openStores();
        leases = stores.nodeLeases();
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void whenTwoNodesAcquireThenTheyGetDifferentIds() throws Exception {
        Stores second = openSecondNode();
        try {
            OptionalInt first = leases.acquire("node-a", NOW, NOW.plus(TTL));
            OptionalInt other = second.nodeLeases().acquire("node-b", NOW, NOW.plus(TTL));

            assertThat(first).hasValue(0);
            assertThat(other).isPresent();
            assertThat(other.getAsInt()).isNotEqualTo(first.getAsInt()).isBetween(0, 1023);
        } finally {
            if (second != stores) {
                second.close();
            }
        }
    }

    @Test
    void whenManyHoldersAcquireAtOnceOnTwoNodesThenEachGetsADifferentId() throws Exception {
        int holders = 16;
        Stores second = openSecondNode();
        ExecutorService threads = Executors.newFixedThreadPool(holders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<OptionalInt>> acquired = new ArrayList<>();
            for (int i = 0; i < holders; i++) {
                NodeLeases node = (i % 2 == 0 ? stores : second).nodeLeases();
                String holder = "node-" + i;
                acquired.add(threads.submit(() -> {
                    start.await();
                    return node.acquire(holder, NOW, NOW.plus(TTL));
                }));
            }
            start.countDown();

            Set<Integer> ids = new HashSet<>();
            for (Future<OptionalInt> id : acquired) {
                ids.add(id.get(30, TimeUnit.SECONDS).orElseThrow());
            }
            assertThat(ids).as("distinct IDs").hasSize(holders);
        } finally {
            threads.shutdownNow();
            if (second != stores) {
                second.close();
            }
        }
    }

    @Test
    void whenALeaseIsLiveThenNoOtherHolderTakesIt() {
        int a = leases.acquire("node-a", NOW, NOW.plus(TTL)).getAsInt();

        int b = leases.acquire("node-b", NOW.plus(TTL).minusMillis(1), NOW.plus(TTL).plus(TTL)).getAsInt();

        assertThat(b).isNotEqualTo(a);
        assertThat(leases.renew(a, "node-a", NOW.plus(TTL).plus(TTL))).as("a still holds its ID").isTrue();
    }

    @Test
    void whenALeaseExpiredThenAnotherHolderTakesItOverAndTheOldHolderCannotRenew() {
        int a = leases.acquire("node-a", NOW, NOW.plus(TTL)).getAsInt();
        Instant later = NOW.plus(TTL).plusMillis(1);

        OptionalInt taken = leases.acquire("node-b", later, later.plus(TTL));

        assertThat(taken).hasValue(a);
        assertThat(leases.renew(a, "node-a", later.plus(TTL))).isFalse();
        assertThat(leases.renew(a, "node-b", later.plus(TTL))).isTrue();
    }

    @Test
    void whenALeaseIsRenewedThenItIsNotTakenAfterItsFirstExpiry() {
        int a = leases.acquire("node-a", NOW, NOW.plus(TTL)).getAsInt();
        assertThat(leases.renew(a, "node-a", NOW.plus(TTL).plus(TTL))).isTrue();

        Instant afterFirstExpiry = NOW.plus(TTL).plusSeconds(1);
        int b = leases.acquire("node-b", afterFirstExpiry, afterFirstExpiry.plus(TTL)).getAsInt();

        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void whenALeaseIsReleasedThenTheNextHolderGetsItAtOnce() {
        int a = leases.acquire("node-a", NOW, NOW.plus(TTL)).getAsInt();
        leases.release(a, "node-b"); // not b's to release: nothing happens
        assertThat(leases.acquire("node-c", NOW, NOW.plus(TTL)).getAsInt()).isNotEqualTo(a);

        leases.release(a, "node-a");

        assertThat(leases.acquire("node-d", NOW, NOW.plus(TTL))).hasValue(a);
    }

    @Test
    void whenEveryIdIsHeldThenAcquiringFindsNone() {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 1024; i++) {
            ids.add(leases.acquire("node-" + i, NOW, NOW.plus(TTL)).getAsInt());
        }

        assertThat(ids).hasSize(1024);
        assertThat(leases.acquire("one-too-many", NOW, NOW.plus(TTL))).isEmpty();
        assertThat(leases.acquire("after-expiry", NOW.plus(TTL).plusMillis(1), NOW.plus(TTL).plus(TTL)))
                .as("an expired ID is taken over").isPresent();
    }
}
