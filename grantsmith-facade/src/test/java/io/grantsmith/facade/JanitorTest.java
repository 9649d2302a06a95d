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
        List<long[]> spans = new ArrayList<>(); // start and end of each batch, in nanoseconds
        Backlog backlog = new Backlog(3 * 100) {
            @Override
            public int purgeExpired(Instant now, int limit) {
                long start = System.nanoTime();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int deleted = super.purgeExpired(now, limit);
                spans.add(new long[] {start, System.nanoTime()});
                return deleted;
            }

            @Override
            public boolean othersWriting() {
                return true;
            }
        };
        Janitor janitor = janitor(backlog, 100);

        assertThat(janitor.pass()).isEqualTo(300);

        // the overdue look, three full batches and the empty one that ends the pass
        assertThat(spans).hasSize(5);
        for (int i = 2; i < spans.size(); i++) {
            long took = spans.get(i - 1)[1] - spans.get(i - 1)[0];
            long rested = spans.get(i)[0] - spans.get(i - 1)[1];
            assertThat(rested).as("rest after batch %d, which took %d ns", i, took)
                    .isGreaterThanOrEqualTo(Janitor.BUSY_REST_FACTOR * took);
        }
    }

    @Test
    void restsAsLongAsTheBatchForOverdueRowsNineTimesAsLongWhileWritesWaitAndNotAtAllWhenIdle() {
        assertThat(Janitor.restAfter(1_000, true, true)).isEqualTo(1_000);
        assertThat(Janitor.restAfter(1_000, true, false)).isEqualTo(1_000);
        assertThat(Janitor.restAfter(1_000, false, true)).isEqualTo(Janitor.BUSY_REST_FACTOR * 1_000L);
        assertThat(Janitor.restAfter(1_000, false, false)).isZero();
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
        Janitor janitor = new Janitor(housekeeping, new MemoryStores().keys(), CLOCK, NEVER, batch);
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
}
