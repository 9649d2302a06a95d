package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.registry.Housekeeping;
import io.grantsmith.store.jdbc.JdbcStores;
import io.grantsmith.store.jdbc.SealingKey;
import io.grantsmith.store.jdbc.SqliteSettings;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The purge keeps pace with issuance: one pass works off any backlog, in bounded batches. */
class JanitorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Long enough that only the test runs passes. */
    private static final Duration NEVER = Duration.ofDays(1);

    @TempDir
    Path directory;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        pool.shutdownNow();
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    /** 10k tokens/s for a 60 s interval expire as 600k rows a minute: far beyond any fixed number of batches. */
    @Test
    void whenTheBacklogSpansManyBatchesThenOnePassDeletesAllOfItInBatchesOfTheBatchSize() {
        Backlog backlog = new Backlog(600_000);
        Janitor janitor = janitor(backlog, Janitor.BATCH);

        assertThat(janitor.pass()).isEqualTo(600_000);

        assertThat(backlog.remaining()).isZero();
        // one batch finds nothing overdue, then full batches and the short one that ends the pass
        assertThat(backlog.limits).hasSize(600_000 / Janitor.BATCH + 2).containsOnly(Janitor.BATCH);
    }

    @Test
    void whenTheJanitorIsClosedDuringAPassThenThePassStopsAfterTheRunningBatch() {
        Backlog backlog = new Backlog(100_000) {
            @Override
            public int purgeExpired(Instant now, int limit) {
                if (limits.size() == 2) {
                    Thread.currentThread().interrupt(); // as close() does to the janitor's thread
                }
                return super.purgeExpired(now, limit);
            }
        };
        Janitor janitor = janitor(backlog, 1_000);

        int purged = janitor.pass();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(purged).isEqualTo(2_000); // the first batch looked for overdue rows only
        assertThat(backlog.limits).hasSize(3);
    }

    /** While issuance waits for the writer, a pass through a huge backlog leaves it nine tenths of its time. */
    @Test
    void whenWritesWaitThenTheJanitorRestsNineTimesAsLongAsEachBatchTookBeforeTheNext() {
        HandTicker ticker = new HandTicker();
        SharedWriter writer = new SharedWriter(3 * 100, ticker, Duration.ofMillis(5), Duration.ofMillis(1),
                Duration.ofDays(1));
        Janitor janitor = janitor(writer, 100, ticker);

        assertThat(janitor.pass()).isEqualTo(300);

        // the overdue look, three full batches and the empty one that ends the pass
        assertThat(writer.spans).hasSize(5);
        for (int i = 2; i < writer.spans.size(); i++) {
            assertThat(writer.restBefore(i)).as("rest after batch %d", i - 1)
                    .isEqualTo(WriterShare.BUSY_REST_FACTOR * Duration.ofMillis(5).toNanos());
        }
    }

    /**
     * Issuance that commits a write every 200 ms, between 10 ms batches: the janitor's old one-batch look back saw
     * "idle" after each rest and ran back to back, over half of the writer. It must stay at about a tenth.
     */
    @Test
    void underASteadyStreamOfOtherWritesTheJanitorTakesAtMostATenthOfTheWriter() {
        HandTicker ticker = new HandTicker();
        SharedWriter writer = new SharedWriter(200_000, ticker, Duration.ofMillis(10), Duration.ofMillis(200),
                Duration.ofDays(1));
        Janitor janitor = janitor(writer, 100, ticker);

        assertThat(janitor.pass()).isEqualTo(200_000);

        assertThat((double) writer.purgingNanos() / ticker.now).as("the janitor's share of the writer")
                .isLessThanOrEqualTo(0.102);
    }

    /**
     * Issuance that commits a write every 10 ms beside 1 ms batches of 100 rows: a tenth of the writer would purge
     * 10k rows/s, four rows per write allow 400. The janitor holds to that allowance at every batch, and uses it:
     * the backlog goes at about 400 rows/s, four times the pace of the one row each of those writes adds.
     */
    @Test
    void underLoadTheJanitorDeletesAtMostFourRowsPerOtherWriteAndKeepsToThatPace() {
        HandTicker ticker = new HandTicker();
        SharedWriter writer = new SharedWriter(40_000, ticker, Duration.ofMillis(1), Duration.ofMillis(10),
                Duration.ofDays(1)).counting();
        Janitor janitor = janitor(writer, 100, ticker);

        assertThat(janitor.pass()).isEqualTo(40_000);

        long deletedBefore = 0;
        for (int i = 0; i < writer.spans.size(); i++) {
            long allowed = WriterShare.ROWS_PER_WRITE * (writer.writesUntil(writer.spans.get(i)[0])
                    - writer.writesUntil(0));
            assertThat(deletedBefore).as("rows deleted before batch %d", i).isLessThanOrEqualTo(allowed);
            deletedBefore += writer.deleted.get(i);
        }
        double seconds = ticker.now / 1e9;
        double paced = 40_000.0 / (WriterShare.ROWS_PER_WRITE * 100); // 100 writes/s
        assertThat(seconds).as("time the backlog took, against %s s at four rows per write", paced)
                .isBetween(0.95 * paced, 1.1 * paced);
    }

    /** Where four rows per write would allow more, a tenth of the writer still bounds the janitor. */
    @Test
    void underHeavyLoadTheTimeShareBindsBeforeTheRowsPerWrite() {
        HandTicker ticker = new HandTicker();
        SharedWriter writer = new SharedWriter(200_000, ticker, Duration.ofMillis(10), Duration.ofMillis(1),
                Duration.ofDays(1)).counting(); // 1,000 writes/s allow 4,000 rows/s; a tenth allows 1,000
        Janitor janitor = janitor(writer, 100, ticker);

        assertThat(janitor.pass()).isEqualTo(200_000);

        assertThat((double) writer.purgingNanos() / ticker.now).as("the janitor's share of the writer")
                .isBetween(0.098, 0.102);
    }

    /** Hysteresis: a second without other writes, not one batch, makes the store idle; then the janitor catches up. */
    @Test
    void whenOtherWritesStopTheJanitorKeepsRestingForTheQuietWindowAndThenCatchesUpWithoutRest() {
        HandTicker ticker = new HandTicker();
        Duration batchTime = Duration.ofMillis(10);
        SharedWriter writer = new SharedWriter(200_000, ticker, batchTime, Duration.ofMillis(200),
                Duration.ofSeconds(5));
        Janitor janitor = janitor(writer, 100, ticker);

        assertThat(janitor.pass()).isEqualTo(200_000);

        long lastSeen = writer.spans.stream().mapToLong(span -> span[1])
                .filter(ended -> ended >= writer.lastWriteNanos()).min().orElseThrow(); // asked after that batch
        long quietFrom = lastSeen + WriterShare.QUIET.toNanos();
        int rested = 0;
        int caughtUp = 0;
        for (int i = 2; i < writer.spans.size(); i++) {
            long ended = writer.spans.get(i - 1)[1];
            if (ended < quietFrom) {
                assertThat(writer.restBefore(i)).as("rest after batch %d, ended at %d ns", i - 1, ended)
                        .isEqualTo(WriterShare.BUSY_REST_FACTOR * batchTime.toNanos());
                rested++;
            } else {
                assertThat(writer.restBefore(i)).as("rest after batch %d, ended at %d ns", i - 1, ended).isZero();
                caughtUp++;
            }
        }
        assertThat(rested).as("batches within the quiet window's reach").isGreaterThan(50);
        assertThat(caughtUp).as("batches after it").isGreaterThan(1_000);
    }

    /** The lag bound: rows expired more than MAX_LAG ago go first, whatever the load, then the others. */
    @Test
    void whenSomeRowsAreOverdueThenAPassPurgesThemFirstAndThenTheRecentlyExpired() {
        Backlog backlog = new Backlog(1_000);
        backlog.overdue = 1_000;
        Janitor janitor = janitor(backlog, 100);

        assertThat(janitor.pass()).isEqualTo(2_000);

        Instant overdueCutoff = NOW.minus(Janitor.MAX_LAG);
        assertThat(backlog.cutoffs.subList(0, 11)).containsOnly(overdueCutoff); // ten full batches, one empty
        assertThat(backlog.cutoffs.subList(11, backlog.cutoffs.size())).hasSize(11).containsOnly(NOW);
        assertThat(backlog.remaining()).isZero();
    }

    /**
     * The lag bound holds within a pass that never ends: under sustained load recent rows never run out, and rows
     * that cross MAX_LAG meanwhile are purged within about OVERDUE_RECHECK, not after the pass.
     */
    @Test
    void whenRowsBecomeOverdueDuringAPassThatNeverRunsOutThenTheyArePurgedWithinTheRecheckInterval() {
        HandTicker ticker = new HandTicker();
        long becomeOverdueAt = Duration.ofMinutes(5).toNanos();
        long[] overdueGoneAt = {-1};
        Backlog busy = new Backlog(Integer.MAX_VALUE) {
            private boolean arrived;

            @Override
            public int purgeExpired(Instant now, int limit) {
                ticker.now += Duration.ofMillis(10).toNanos();
                if (!arrived && ticker.now >= becomeOverdueAt) {
                    arrived = true;
                    overdue = 1_000;
                }
                int deleted = super.purgeExpired(now, limit);
                if (arrived && overdue == 0 && overdueGoneAt[0] < 0) {
                    overdueGoneAt[0] = ticker.now;
                }
                if (ticker.now >= Duration.ofMinutes(20).toNanos()) {
                    Thread.currentThread().interrupt(); // ends the pass (as close() does), the backlog never would
                }
                return deleted;
            }
        };
        Janitor janitor = janitor(busy, 100, ticker);

        janitor.pass();
        Thread.interrupted();

        assertThat(overdueGoneAt[0]).as("the overdue rows were purged during the pass").isPositive();
        assertThat(overdueGoneAt[0] - becomeOverdueAt).as("within the recheck interval and a few batches")
                .isLessThanOrEqualTo(Janitor.OVERDUE_RECHECK.plusSeconds(10).toNanos());
    }

    /** Under load the janitor only slows down: once the writer's queue empties, the same pass purges the rest. */
    @Test
    void whenTheLoadStopsDuringAPassThenTheJanitorCatchesUpWithinThatPass() throws Exception {
        JdbcStores stores = JdbcStores.openSqlite(SqliteSettings.defaults(directory.resolve("grantsmith.db"),
                SealingKey.of(new byte[SealingKey.LENGTH])));
        cleanup.add(stores);
        saveExpired(stores, 0, 1_000, NOW.minus(Duration.ofHours(2))); // expired an hour ago: not overdue
        AtomicInteger busyAnswers = new AtomicInteger();
        Housekeeping underLoad = new Housekeeping() {
            @Override
            public int purgeExpired(Instant now, int limit) {
                return stores.housekeeping().purgeExpired(now, limit);
            }

            @Override
            public boolean othersWriting() {
                return busyAnswers.incrementAndGet() <= 5; // load for the first five batches, then none
            }
        };
        Janitor janitor = janitor(underLoad, 50);

        assertThat(janitor.pass()).isEqualTo(1_000);

        assertThat(busyAnswers.get()).as("batches asked about the load").isGreaterThan(5);
        assertThat(stores.housekeeping().purgeExpired(NOW, 50)).as("left over").isZero();
    }

    @Test
    void whenManyRowsHaveExpiredOnSqliteThenOnePassPurgesThemInBatchesWhileIssuanceGoesOn() throws Exception {
        JdbcStores stores = JdbcStores.openSqlite(SqliteSettings.defaults(directory.resolve("grantsmith.db"),
                SealingKey.of(new byte[SealingKey.LENGTH])));
        cleanup.add(stores);
        int expiredGrants = 2_000;
        int expiredAccessTokens = 2_000;
        saveExpired(stores, expiredGrants, expiredAccessTokens);
        List<Integer> batches = new CopyOnWriteArrayList<>();
        AtomicInteger issuedDuringPurge = new AtomicInteger();
        Housekeeping counting = (now, limit) -> {
            int deleted = stores.housekeeping().purgeExpired(now, limit);
            batches.add(deleted);
            return deleted;
        };
        int batch = 50; // small, so that this backlog spans many batches (as a real one spans many of 500)
        Janitor janitor = janitor(counting, batch);
        AtomicBoolean purging = new AtomicBoolean(true);
        List<AccessTokenRecord> issued = new CopyOnWriteArrayList<>();
        Future<?> issuer = pool.submit(() -> {
            while (purging.get()) {
                AccessTokenRecord live = Records.accessToken(NOW, Duration.ofHours(1), null);
                assertThat(stores.tokens().saveAccessToken(live)).isEqualTo(SaveOutcome.SAVED);
                issued.add(live);
                if (!batches.isEmpty()) {
                    issuedDuringPurge.incrementAndGet();
                }
            }
            return null;
        });
        while (issued.size() < 3) {
            Thread.sleep(1); // let issuance get going first
        }

        int purged = janitor.pass();
        purging.set(false);
        issuer.get(30, TimeUnit.SECONDS);

        assertThat(purged).isEqualTo(2 * expiredGrants + expiredAccessTokens);
        assertThat(batches.size()).as("batches").isGreaterThan(purged / (3 * batch));
        assertThat(batches).allMatch(deleted -> deleted <= 3 * batch);
        assertThat(issuedDuringPurge.get()).as("tokens issued while the pass ran").isPositive();
        for (AccessTokenRecord live : issued) {
            assertThat(stores.tokens().findAccessToken(live.serviceId(), Records.lookup(live))).contains(live);
        }
        assertThat(stores.housekeeping().purgeExpired(NOW, batch)).as("left over").isZero();
    }

    private Janitor janitor(Housekeeping housekeeping, int batch) {
        return janitor(housekeeping, batch, Ticker.SYSTEM);
    }

    private Janitor janitor(Housekeeping housekeeping, int batch, Ticker ticker) {
        Janitor janitor = new Janitor(housekeeping, new MemoryStores().keys(), CLOCK, NEVER, batch, ticker);
        cleanup.add(janitor);
        return janitor;
    }

    private void saveExpired(JdbcStores stores, int grants, int accessTokens) throws Exception {
        saveExpired(stores, grants, accessTokens, NOW.minus(Duration.ofDays(2)));
    }

    /** Saves grants and access tokens issued at {@code longAgo} for an hour. */
    private void saveExpired(JdbcStores stores, int grants, int accessTokens, Instant longAgo) throws Exception {
        List<Future<SaveOutcome>> saved = new ArrayList<>();
        for (int i = 0; i < grants; i++) {
            saved.add(pool.submit(() -> {
                FamilyId family = FamilyId.random();
                return stores.tokens().saveGrant(Records.accessToken(longAgo, Duration.ofHours(1), family),
                        Records.refreshToken(longAgo, Duration.ofHours(1), family));
            }));
        }
        for (int i = 0; i < accessTokens; i++) {
            saved.add(pool.submit(() -> stores.tokens().saveAccessToken(
                    Records.accessToken(longAgo, Duration.ofHours(1), null))));
        }
        for (Future<SaveOutcome> outcome : saved) {
            assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.SAVED);
        }
    }

    /**
     * A store with {@code rows} access tokens expired a minute ago and {@link #overdue} expired a day ago, which
     * records the cut-off and limit of every purge.
     */
    private static class Backlog implements Housekeeping {
        final List<Integer> limits = new ArrayList<>();
        final List<Instant> cutoffs = new ArrayList<>();
        int recent;
        int overdue;

        Backlog(int rows) {
            recent = rows;
        }

        int remaining() {
            return recent + overdue;
        }

        @Override
        public int purgeExpired(Instant now, int limit) {
            limits.add(limit);
            cutoffs.add(now);
            int deleted = Math.min(limit, overdue);
            overdue -= deleted;
            if (now.isAfter(NOW.minusSeconds(60)) && deleted < limit) {
                int more = Math.min(limit - deleted, recent);
                recent -= more;
                deleted += more;
            }
            return deleted;
        }
    }

    /** Time that moves only when a batch runs or the janitor rests. */
    private static final class HandTicker implements Ticker {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
        }
    }

    /**
     * A backlog behind a writer shared with issuance: each batch takes {@code batchTime} on the hand ticker, and
     * another write commits every {@code period} from time zero until {@code stopAt}. Like the JDBC store it answers
     * whether others wrote since it was last asked; it records the start and end of every batch.
     */
    private static final class SharedWriter extends Backlog {
        final List<long[]> spans = new ArrayList<>();
        /** Rows each batch deleted. */
        final List<Integer> deleted = new ArrayList<>();
        private final HandTicker ticker;
        /** Whether it counts the other writes ({@link #writesByOthers}); else it cannot tell, as the in-memory store. */
        private boolean counting;
        private final long batchNanos;
        private final long periodNanos;
        private final long stopNanos;
        private long writesWhenAsked;

        SharedWriter(int rows, HandTicker ticker, Duration batchTime, Duration period, Duration stopAt) {
            super(rows);
            this.ticker = ticker;
            this.batchNanos = batchTime.toNanos();
            this.periodNanos = period.toNanos();
            this.stopNanos = stopAt.toNanos();
        }

        SharedWriter counting() {
            counting = true;
            return this;
        }

        @Override
        public int purgeExpired(Instant now, int limit) {
            long start = ticker.now;
            ticker.now += batchNanos;
            spans.add(new long[] {start, ticker.now});
            int rows = super.purgeExpired(now, limit);
            deleted.add(rows);
            return rows;
        }

        @Override
        public long writesByOthers() {
            return counting ? writesUntil(ticker.now) : -1;
        }

        @Override
        public boolean othersWriting() {
            long writes = writesUntil(ticker.now);
            boolean others = writes > writesWhenAsked;
            writesWhenAsked = writes;
            return others;
        }

        /** Other writes committed at or before {@code nanos}: at 0, period, 2 period... before the stop. */
        long writesUntil(long nanos) {
            return Math.floorDiv(Math.min(nanos, stopNanos - 1), periodNanos) + 1;
        }

        long lastWriteNanos() {
            return (writesUntil(Long.MAX_VALUE) - 1) * periodNanos;
        }

        long restBefore(int batch) {
            return spans.get(batch)[0] - spans.get(batch - 1)[1];
        }

        long purgingNanos() {
            return (long) spans.size() * batchNanos;
        }
    }
}
