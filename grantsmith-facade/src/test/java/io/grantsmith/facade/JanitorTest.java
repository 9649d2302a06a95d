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

        assertThat(backlog.remaining).isZero();
        assertThat(backlog.limits).hasSize(600_000 / Janitor.BATCH + 1).containsOnly(Janitor.BATCH);
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
        assertThat(purged).isEqualTo(3_000);
        assertThat(backlog.limits).hasSize(3);
    }

    /** A pass through a huge backlog must leave the store at least half of its write time between batches. */
    @Test
    void whenBatchesTakeTimeThenTheJanitorRestsAsLongAfterEachBeforeTheNext() {
        List<long[]> spans = new ArrayList<>(); // start and end of each batch, in nanoseconds
        Backlog backlog = new Backlog(5 * 100) {
            @Override
            public int purgeExpired(Instant now, int limit) {
                long start = System.nanoTime();
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int deleted = super.purgeExpired(now, limit);
                spans.add(new long[] {start, System.nanoTime()});
                return deleted;
            }
        };
        Janitor janitor = janitor(backlog, 100);

        assertThat(janitor.pass()).isEqualTo(500);

        assertThat(spans).hasSize(6); // five full batches and the empty one that ends the pass
        for (int i = 1; i < spans.size(); i++) {
            long took = spans.get(i - 1)[1] - spans.get(i - 1)[0];
            long rested = spans.get(i)[0] - spans.get(i - 1)[1];
            assertThat(rested).as("rest after batch %d, which took %d ns", i, took).isGreaterThanOrEqualTo(took);
        }
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
        Instant longAgo = NOW.minus(Duration.ofDays(2));
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

    /** A store with {@code rows} expired access tokens, which records the limit of every purge. */
    private static class Backlog implements Housekeeping {
        final List<Integer> limits = new ArrayList<>();
        int remaining;

        Backlog(int rows) {
            remaining = rows;
        }

        @Override
        public int purgeExpired(Instant now, int limit) {
            limits.add(limit);
            int deleted = Math.min(limit, remaining);
            remaining -= deleted;
            return deleted;
        }
    }
}
