package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.testkit.Records;
import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Every node runs a janitor: on one PostgreSQL database they purge side by side, never waiting for rows another
 * transaction holds (another janitor's batch, or any other lock), while tokens issue.
 */
class PostgresExpiredPurgeTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresExpiredPurgeTest.class);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final int BATCH = 500;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(5);

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    /**
     * Without {@code SKIP LOCKED} the purge's DELETE waits for the locked rows until the write timeout cancels it,
     * and the whole batch fails.
     */
    @Test
    void whenAnotherTransactionHoldsSomeExpiredRowsThenThePurgeDeletesTheOthersWithoutWaiting() throws Exception {
        JdbcStores stores = open(Duration.ofSeconds(2));
        insertExpiredAccessTokens(1, 1_200);

        try (Connection other = DriverManager.getConnection(SCHEMA.url())) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeQuery("SELECT token_key FROM access_tokens WHERE token_key <= 10 FOR UPDATE")
                        .close();
            }
            int purged = 0;
            int batches = 0;
            for (int deleted = BATCH; deleted == BATCH; batches++) {
                deleted = stores.housekeeping().purgeExpired(NOW, BATCH);
                purged += deleted;
            }

            assertThat(purged).as("every row but the ten held").isEqualTo(1_190);
            assertThat(batches).isEqualTo(3);
            assertThat(countAccessTokens()).isEqualTo(10);
            other.rollback();
        }

        assertThat(stores.housekeeping().purgeExpired(NOW, BATCH)).as("released rows go in the next pass")
                .isEqualTo(10);
        assertThat(countAccessTokens()).isZero();
    }

    /** Two nodes' janitors, two threads each, on a backlog of many batches, while a third thread issues. */
    @Test
    void whenTwoNodesPurgeOneBacklogAtOnceThenEachRowIsDeletedOnceAndIssuanceGoesOn() throws Exception {
        JdbcStores first = open(Duration.ofSeconds(5));
        JdbcStores second = open(Duration.ofSeconds(5));
        int backlog = 20_000;
        insertExpiredAccessTokens(1, backlog);
        AtomicBoolean purging = new AtomicBoolean(true);
        AtomicInteger issuedDuringPurge = new AtomicInteger();
        List<AccessTokenRecord> issued = new CopyOnWriteArrayList<>();
        Future<?> issuer = pool.submit(() -> {
            while (purging.get()) {
                AccessTokenRecord live = Records.accessToken(NOW, Duration.ofHours(1), null);
                assertThat(first.tokens().saveAccessToken(live)).isEqualTo(SaveOutcome.SAVED);
                issued.add(live);
                issuedDuringPurge.incrementAndGet();
            }
            return null;
        });

        List<Future<Integer>> janitors = new ArrayList<>();
        for (JdbcStores node : List.of(first, second, first, second)) {
            janitors.add(pool.submit(() -> janitorPass(node)));
        }
        int purged = 0;
        for (Future<Integer> janitor : janitors) {
            purged += janitor.get(60, TimeUnit.SECONDS);
        }
        purging.set(false);
        issuer.get(30, TimeUnit.SECONDS);

        assertThat(purged).as("rows deleted by all janitors together").isEqualTo(backlog);
        assertThat(issuedDuringPurge.get()).as("tokens issued while the janitors ran").isPositive();
        assertThat(countAccessTokens()).as("only the live tokens are left").isEqualTo(issued.size());
        for (AccessTokenRecord live : issued) {
            assertThat(second.tokens().findAccessToken(live.serviceId(), Records.lookup(live))).contains(live);
        }
    }

    /** As the janitor runs a pass: batch after batch until one comes back short. */
    private static int janitorPass(JdbcStores node) {
        int total = 0;
        for (int deleted = BATCH; deleted == BATCH; ) {
            deleted = node.housekeeping().purgeExpired(NOW, BATCH);
            total += deleted;
        }
        return total;
    }

    private JdbcStores open(Duration writeTimeout) {
        if (opened.isEmpty()) {
            SCHEMA.truncate();
        }
        JdbcStores stores = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA).withWriteTimeout(writeTimeout));
        opened.add(stores);
        return stores;
    }

    /** Access tokens with keys {@code from..to}, expired a day before {@link #NOW}: loaded in one statement. */
    private static void insertExpiredAccessTokens(int from, int to) {
        long expired = NOW.minus(Duration.ofDays(1)).toEpochMilli();
        TestPostgres.execute(SCHEMA.url(), "INSERT INTO access_tokens (token_key, hash, caller_chosen, service_id, "
                + "client_id, subject, scopes, resources, grant_type, issued_at, expires_at, family, properties, "
                + "client_id_alias_used) SELECT g, sha256(int8send(g)), 0, 1, 1, NULL, '[]', NULL, "
                + "'CLIENT_CREDENTIALS', " + (expired - 3_600_000) + ", " + expired + ", NULL, NULL, 0 "
                + "FROM generate_series(" + from + ", " + to + ") g");
    }

    private static long countAccessTokens() throws Exception {
        try (Connection connection = DriverManager.getConnection(SCHEMA.url());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM access_tokens")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
