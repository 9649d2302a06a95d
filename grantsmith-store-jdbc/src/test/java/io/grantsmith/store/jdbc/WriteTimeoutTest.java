package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hung disk must not hold request threads forever: a write waits at most the write timeout. */
class WriteTimeoutTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    /** Bounds every wait for another thread: generous for a loaded CI machine; a passing test never waits it out. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final CountDownLatch release = new CountDownLatch(1);
    private JdbcStores stores;

    @AfterEach
    void tearDown() {
        release.countDown();
        pool.shutdownNow();
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void whenTheWriterHangsBeyondTheTimeoutThenAQueuedWriteFailsIsNeverWrittenAndTheStoreIsNotReady()
            throws Exception {
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db")).withWriteTimeout(
                Duration.ofSeconds(1)));
        hangTheWriter();
        AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);

        Future<SaveOutcome> save = pool.submit(() -> stores.tokens().saveAccessToken(token));

        assertThatThrownBy(() -> save.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreException.class).hasMessageContaining("withdrawn");
        assertThat(stores.isHealthy()).as("healthy while the writer hangs").isFalse();
        release.countDown();
        assertThat(eventually(() -> stores.isHealthy())).as("healthy once the writer goes on").isTrue();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(token))).isEmpty();
        // The hanging write's caller timed out too; its thread may count it a little after this one.
        assertThat(eventually(() -> stores.groupCommitMetrics().opsTimedOut() == 2)).isTrue();
        assertThat(stores.groupCommitMetrics().opsTimedOut()).isEqualTo(2);
        assertThat(stores.tokens().saveAccessToken(token)).isEqualTo(SaveOutcome.SAVED);
    }

    @Test
    void whenTheQueueStaysFullBeyondTheTimeoutThenASubmitterFailsInsteadOfWaitingForever() throws Exception {
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db"))
                .withWriteTimeout(Duration.ofSeconds(1)).withQueueCapacity(1));
        hangTheWriter();
        pool.submit(() -> stores.writer().submit("patient", context -> null, Duration.ofSeconds(30)));
        awaitQueued(1);

        assertThatThrownBy(() -> stores.tokens().saveAccessToken(Records.accessToken(NOW, HOUR, null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("queue stayed full");
    }

    /**
     * A rotation the writer has already taken when its caller gives up still commits. Its caller answered an
     * error and the client never saw the successor; the family is whole all the same: the old token is rotated
     * to one active successor, so a retry within the grace period gets that successor (a replay on it applies)
     * and a retry after it is reuse, which revokes the family.
     */
    @Test
    void whenARunningRotationOutlastsTheTimeoutThenItsCallerFailsButTheFamilyStaysWhole() throws Exception {
        // The rotation's deadline runs from its submission; the writer must take it before then (the test queues
        // one more write and opens the hold first), so the timeout leaves room for a loaded machine.
        stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("db")).withWriteTimeout(
                Duration.ofSeconds(5)));
        FamilyId family = FamilyId.random();
        AccessTokenRecord firstAccess = Records.accessToken(NOW, HOUR, family);
        RefreshTokenRecord refresh = Records.refreshToken(NOW, Duration.ofDays(1), family);
        stores.tokens().saveGrant(firstAccess, refresh);
        RefreshTokenRecord successor = Records.successorOf(refresh, NOW.plusSeconds(1), Duration.ofDays(1));
        AccessTokenRecord newAccess = Records.accessToken(NOW.plusSeconds(1), HOUR, family);
        CountDownLatch holdEntered = new CountDownLatch(1);
        CountDownLatch holdOpen = new CountDownLatch(1);
        pool.submit(() -> stores.writer().submit("hold", context -> {
            holdEntered.countDown();
            block(holdOpen);
            return null;
        }));
        assertThat(holdEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Future<RefreshWriteOutcome> rotation = pool.submit(() -> stores.tokens().applyRefresh(
                new RefreshWrite.Rotate(refresh.key(), successor, newAccess, NOW.plusSeconds(1))));
        awaitQueued(1);
        CountDownLatch slowEntered = new CountDownLatch(1);
        pool.submit(() -> stores.writer().submit("slow", context -> {
            slowEntered.countDown();
            block(release); // runs after the rotation, in the same transaction
            return null;
        }));
        awaitQueued(2);
        holdOpen.countDown();
        assertThat(slowEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("rotation and slow write taken")
                .isTrue();

        assertThatThrownBy(() -> rotation.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(StoreException.class)
                .hasMessageContaining("may still commit");
        release.countDown();
        // The store may read healthy before the batch that holds the rotation commits (the batch has not yet run
        // beyond the timeout): wait for the commit itself, which is what the assertions below read.
        assertThat(eventually(() -> rotatedState(refresh) == RefreshTokenState.ROTATED))
                .as("the rotation committed once the writer went on").isTrue();
        assertThat(eventually(() -> stores.isHealthy())).isTrue();
        stores.writer().submit("barrier", context -> null); // commits after the batch of the rotation

        RefreshTokenRecord rotated = stores.tokens().findRefreshToken(Records.lookup(refresh)).orElseThrow();
        assertThat(rotated.state()).isEqualTo(RefreshTokenState.ROTATED);
        assertThat(rotated.successorKey()).isEqualTo(successor.key());
        assertThat(stores.tokens().findRefreshToken(Records.lookup(successor))).contains(successor);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(firstAccess))).isEmpty();
        AccessTokenRecord replayAccess = Records.accessToken(NOW.plusSeconds(2), HOUR, family);
        assertThat(stores.tokens().applyRefresh(new RefreshWrite.Replay(successor.key(), replayAccess,
                NOW.plusSeconds(2)))).isEqualTo(RefreshWriteOutcome.APPLIED);
    }

    private RefreshTokenState rotatedState(RefreshTokenRecord refresh) {
        return stores.tokens().findRefreshToken(Records.lookup(refresh)).map(RefreshTokenRecord::state).orElse(null);
    }

    /** Holds the writer thread inside a write until {@link #release} opens. */
    private void hangTheWriter() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        pool.submit(() -> stores.writer().submit("hang", context -> {
            entered.countDown();
            block(release);
            return null;
        }));
        assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("writer held").isTrue();
    }

    /** Waits inside a write; an interrupt (the pool shutting down) ends the wait. */
    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitQueued(int count) throws InterruptedException {
        assertThat(eventually(() -> stores.groupCommitMetrics().queueDepth() >= count)).as("%d queued", count)
                .isTrue();
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
