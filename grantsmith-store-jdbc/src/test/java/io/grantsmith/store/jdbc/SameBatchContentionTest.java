package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Competing writes queued into one group transaction: their conditions must be checked one after the other
 * inside it, so the first wins and the rest see its effect.
 */
class SameBatchContentionTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int CONTENDERS = 16;

    @TempDir
    Path directory;

    private final ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
    private JdbcStores stores;

    @BeforeEach
    void open() {
        stores = TestStores.open(directory.resolve("db"));
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        stores.close();
    }

    @Test
    void whenRotationsOfOneTokenShareABatchThenExactlyOneAppliesAndOnlyItsRowsExist() throws Exception {
        FamilyId family = FamilyId.random();
        AccessTokenRecord firstAccess = Records.accessToken(NOW, HOUR, family);
        RefreshTokenRecord refresh = Records.refreshToken(NOW, Duration.ofDays(1), family);
        stores.tokens().saveGrant(firstAccess, refresh);
        List<RefreshWrite.Rotate> rotations = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            Instant at = NOW.plusSeconds(1);
            rotations.add(new RefreshWrite.Rotate(refresh.key(), Records.successorOf(refresh, at, HOUR),
                    Records.accessToken(at, HOUR, family), at));
        }

        List<RefreshWriteOutcome> outcomes = inOneBatch(rotations.stream()
                .<Callable<RefreshWriteOutcome>>map(rotation -> () -> stores.tokens().applyRefresh(rotation))
                .toList());

        assertThat(outcomes).filteredOn(outcome -> outcome == RefreshWriteOutcome.APPLIED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == RefreshWriteOutcome.PRECONDITION_FAILED)
                .hasSize(CONTENDERS - 1);
        RefreshWrite.Rotate winner = rotations.get(outcomes.indexOf(RefreshWriteOutcome.APPLIED));
        for (RefreshWrite.Rotate rotation : rotations) {
            boolean won = rotation == winner;
            assertThat(stores.tokens().findRefreshToken(Records.lookup(rotation.successor())).isPresent()).isEqualTo(won);
            assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(rotation.accessToken())).isPresent()).isEqualTo(won);
        }
        assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ROTATED);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(firstAccess))).isEmpty();
    }

    @Test
    void whenUsesOfOneTicketShareABatchThenExactlyOneSucceeds() throws Exception {
        Ticket ticket = Records.ticket(Records.SERVICE, NOW, HOUR);
        stores.tickets().saveTicket(ticket);
        List<Callable<TicketUse.Status>> uses = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            uses.add(() -> stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW).status());
        }

        List<TicketUse.Status> statuses = inOneBatch(uses);

        assertThat(statuses).filteredOn(status -> status == TicketUse.Status.USED).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == TicketUse.Status.ALREADY_USED).hasSize(CONTENDERS - 1);
    }

    /** A ticket saved before V12 (no row key, found by hash through the partial index): still used once. */
    @Test
    void whenUsesOfOneLegacyTicketShareABatchThenExactlyOneSucceeds() throws Exception {
        Ticket ticket = Records.legacyTicket(Records.SERVICE, NOW, HOUR);
        stores.tickets().saveTicket(ticket);
        List<Callable<TicketUse.Status>> uses = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            uses.add(() -> stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW).status());
        }

        List<TicketUse.Status> statuses = inOneBatch(uses);

        assertThat(statuses).filteredOn(status -> status == TicketUse.Status.USED).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == TicketUse.Status.ALREADY_USED).hasSize(CONTENDERS - 1);
    }

    @Test
    void whenAGrantFailsOnItsRefreshTokenInsideABatchThenItsAccessTokenIsRolledBackAndOthersStay()
            throws Exception {
        FamilyId family = FamilyId.random();
        RefreshTokenRecord existing = Records.refreshToken(NOW, HOUR, family);
        stores.tokens().saveGrant(Records.accessToken(NOW, HOUR, family), existing);
        AccessTokenRecord before = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord orphan = Records.accessToken(NOW, HOUR, family);
        AccessTokenRecord after = Records.accessToken(NOW, HOUR, null);

        List<SaveOutcome> outcomes = inOneBatch(List.of(
                () -> stores.tokens().saveAccessToken(before),
                () -> stores.tokens().saveGrant(orphan, existing),
                () -> stores.tokens().saveAccessToken(after)));

        assertThat(outcomes).containsExactlyInAnyOrder(SaveOutcome.SAVED, SaveOutcome.DUPLICATE, SaveOutcome.SAVED);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(orphan))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(before))).contains(before);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(after))).contains(after);
        assertThat(stores.groupCommitMetrics().opsFailed()).isZero();
    }

    /** Runs the tasks so that all their writes wait behind a gate and are committed as one batch. */
    private <T> List<T> inOneBatch(List<Callable<T>> tasks) throws Exception {
        long batchesBefore = stores.groupCommitMetrics().batchesCommitted();
        List<Future<T>> futures = new ArrayList<>();
        try (WriterGate gate = WriterGate.close(stores.writer())) {
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            gate.awaitQueued(tasks.size());
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        assertThat(stores.groupCommitMetrics().batchesCommitted() - batchesBefore)
                .as("the gate's write and one batch").isEqualTo(2);
        return results;
    }
}
