package io.grantsmith.facade.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.StoreException;
import io.grantsmith.registry.NodeLeases;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lease's own rules, with hand-moved wall and monotonic clocks and a store whose leases can be made to fail. */
class NodeLeaseTest {
    private static final Duration TTL = Duration.ofSeconds(60);

    private final MutableClock clock = MutableClock.atFixedStart();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final MemoryStores stores = new MemoryStores();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    /** When set, an acquisition waits for it to open (a slow database), after it has counted itself in. */
    private volatile CountDownLatch acquireGate;
    private final CountDownLatch acquiring = new CountDownLatch(1);
    private final NodeLeases leases = new NodeLeases() {
        @Override
        public OptionalInt acquire(String holder, Instant now, Instant expiresAt) {
            check();
            CountDownLatch gate = acquireGate;
            if (gate != null) {
                acquiring.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return stores.nodeLeases().acquire(holder, now, expiresAt);
        }

        @Override
        public boolean renew(int nodeId, String holder, Instant expiresAt) {
            check();
            return stores.nodeLeases().renew(nodeId, holder, expiresAt);
        }

        @Override
        public void release(int nodeId, String holder) {
            check();
            stores.nodeLeases().release(nodeId, holder);
        }

        private void check() {
            if (storeDown.get()) {
                throw new StoreException("injected: the database is away");
            }
        }
    };

    private NodeLease lease(String holder) {
        return NodeLease.manual(leases, clock, nanos::get, TTL, holder);
    }

    private void advance(Duration duration) {
        clock.advance(duration);
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void whenTwoNodesLeaseThenTheyMintWithDifferentIds() {
        NodeLease a = lease("a");
        NodeLease b = lease("b");

        assertThat(a.refresh()).isTrue();
        assertThat(b.refresh()).isTrue();

        assertThat(a.nodeId()).isNotEqualTo(b.nodeId());
        assertThat(a.isValid()).isTrue();
    }

    @Test
    void whenRenewalsFailThenTheNodeStopsMintingAThirdOfTheTtlBeforeTheLeaseExpires() {
        NodeLease a = lease("a");
        a.refresh();
        int id = a.nodeId();
        storeDown.set(true);

        advance(TTL.dividedBy(6));
        assertThat(a.refresh()).as("still trusted: renewal failed once").isTrue();
        advance(Duration.ofSeconds(40).minus(TTL.dividedBy(6)).minusMillis(1));
        assertThat(a.nodeId()).isEqualTo(id);

        advance(Duration.ofMillis(1));

        assertThat(a.isValid()).isFalse();
        assertThatThrownBy(a::nodeId).isInstanceOf(StoreException.class)
                .hasMessageContaining("node ID " + id).hasMessageContaining("no token is minted");
    }

    @Test
    void whenTheDatabaseReturnsThenTheLeaseIsRenewedAndMintingResumes() {
        NodeLease a = lease("a");
        a.refresh();
        int id = a.nodeId();
        storeDown.set(true);
        advance(Duration.ofSeconds(45));
        assertThat(a.isValid()).isFalse();

        storeDown.set(false);
        assertThat(a.refresh()).isTrue();

        assertThat(a.nodeId()).as("the lease had not been taken: the same ID").isEqualTo(id);
    }

    @Test
    void whenTheLeaseExpiredAndWasTakenOverThenTheNodeAcquiresAnotherId() {
        NodeLease a = lease("a");
        a.refresh();
        int id = a.nodeId();
        storeDown.set(true);
        advance(TTL.plusSeconds(1));
        storeDown.set(false);
        NodeLease b = lease("b");
        b.refresh();
        assertThat(b.nodeId()).as("b took a's expired ID").isEqualTo(id);

        assertThat(a.refresh()).isTrue();

        assertThat(a.nodeId()).isNotEqualTo(id);
    }

    @Test
    void whenNoIdCanBeLeasedThenTheNodeMintsNothing() {
        storeDown.set(true);
        NodeLease a = lease("a");

        assertThat(a.refresh()).isFalse();

        assertThat(a.isValid()).isFalse();
        assertThatThrownBy(a::nodeId).isInstanceOf(StoreException.class).hasMessageContaining("holds no node ID");
    }

    @Test
    void whenClosedThenTheIdIsFreeForTheNextNodeAtOnce() {
        NodeLease a = lease("a");
        a.refresh();
        int id = a.nodeId();

        a.close();
        NodeLease b = lease("b");
        b.refresh();

        assertThat(b.nodeId()).isEqualTo(id);
    }

    @Test
    void whenRenewalsFailThenTheNextTryIsDueInASixthOfTheTtlUntilTheLeaseLapsesAndEverySecondAfter() {
        NodeLease a = lease("a");
        a.refresh();
        assertThat(a.nextAttemptMillis()).isEqualTo(TTL.dividedBy(6).toMillis());
        storeDown.set(true);

        advance(TTL.dividedBy(6));
        a.refresh();
        assertThat(a.nextAttemptMillis()).as("failed, still trusted").isEqualTo(TTL.dividedBy(6).toMillis());

        advance(Duration.ofSeconds(30));
        assertThat(a.refresh()).as("an ID is still held, though no longer trusted").isTrue();
        assertThat(a.isValid()).isFalse();
        assertThat(a.nextAttemptMillis()).as("lapsed: retried every second").isEqualTo(1_000);

        storeDown.set(false);
        a.refresh();
        assertThat(a.nextAttemptMillis()).isEqualTo(TTL.dividedBy(6).toMillis());
    }

    @Test
    void whenClosedWhileARefreshAcquiresThenTheAcquiredIdIsReleasedToo() throws Exception {
        NodeLease a = lease("a");
        acquireGate = new CountDownLatch(1);
        Thread refreshing = new Thread(a::refresh);
        refreshing.start();
        assertThat(acquiring.await(10, TimeUnit.SECONDS)).isTrue();
        Thread closing = new Thread(a::close);
        closing.start();
        closing.join(200); // without the shared lock, close finds no ID yet and returns here

        acquireGate.countDown();
        refreshing.join(10_000);
        closing.join(10_000);

        assertThat(a.isValid()).isFalse();
        assertThat(a.refresh()).as("a closed lease acquires nothing").isFalse();
        acquireGate = null;
        NodeLease b = lease("b");
        b.refresh();
        assertThat(b.nodeId()).as("a's ID was released, so b takes the lowest one").isZero();
    }
}
