package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file that becomes read-only under a running store (its mode changed, its filesystem remounted
 * read-only) must not wedge it: writes fail at once with a clear error, the readers are not stopped by the failing
 * writer, /health says not ready,
 * the failures are logged once rather than per write, nothing is half-written, and once the file is writable again
 * the store recovers without a restart.
 *
 * <p>The fault is injected into the writer's connections ({@link FaultyConnections#readOnlyFile()}): the tests run
 * as root, whom file modes do not stop, and neither a mode change nor a read-only remount reaches a file SQLite
 * already holds open for writing (Linux refuses to remount a filesystem read-only while a file on it is open for
 * writing). What SQLite answers on a file it can only read, SQLITE_READONLY on the first statement that changes a
 * row, is what the injected connection answers, on every connection the writer opens until the fault ends. The
 * readers' connections are not injected: the test shows that a failing writer does not stop reads, not that SQLite
 * can read a file that became read-only. A kernel remount after an I/O error shows as {@code SQLITE_IOERR_*}
 * instead, which {@link DatabaseFailuresTest} shows takes the same path.</p>
 */
class ReadOnlyFileTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int WRITES = 64;

    @TempDir
    Path directory;

    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        pool.shutdownNow();
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void whenTheFileTurnsReadOnlyUnderLoadAndWritableAgainThenTheStoreRecoversWithoutRestart() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        FaultyConnections connections = FaultyConnections.readOnlyFile();
        LogCapture log = LogCapture.of(GroupCommitWriter.class);
        cleanup.add(log);
        JdbcStores stores = JdbcStores.openSqlite(TestStores.settings(file), connections);
        cleanup.add(stores);
        AccessTokenRecord before = Records.accessToken(NOW, HOUR, null);
        assertThat(stores.tokens().saveAccessToken(before)).isEqualTo(SaveOutcome.SAVED);
        assertThat(stores.isHealthy()).isTrue();

        connections.fail();
        long started = System.nanoTime();
        List<Future<SaveOutcome>> whileReadOnly = submit(stores, WRITES);

        for (Future<SaveOutcome> outcome : whileReadOnly) {
            assertThatThrownBy(() -> outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreException.class);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .as("every write failed at once, not after the write timeout")
                .isLessThan(TestStores.settings(file).writeTimeout().toMillis());
        assertThatThrownBy(() -> stores.housekeeping().purgeExpired(NOW.plus(Duration.ofDays(1)), 500))
                .as("the janitor's purge fails too, and does not hang").isInstanceOf(StoreException.class);
        assertThat(stores.isHealthy()).as("healthy while the file is read-only").isFalse();
        assertThat(stores.tokens().findAccessToken(before.serviceId(), Records.lookup(before)))
                .as("reads, on reader connections the fault does not touch, are not stopped by the failing writer")
                .contains(before);
        List<String> warnings = log.messages(Level.WARN);
        assertThat(warnings).as("lines logged for %d failed writes", WRITES + 1).hasSizeBetween(1, 3)
                .doesNotHaveDuplicates();
        assertThat(warnings.get(0)).contains("SQLITE_READONLY");

        connections.heal();

        assertThat(eventually(stores::isHealthy)).as("healthy again once writable, without any write").isTrue();
        assertThat(save(stores, WRITES)).hasSize(WRITES).containsOnly(SaveOutcome.SAVED);
        assertThat(log.messages(Level.INFO)).anyMatch(line -> line.startsWith("The store takes writes again"));
        stores.close();
        assertThat(query(file, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(query(file, "SELECT count(*) FROM access_tokens"))
                .as("the token before and those saved after, none of those refused").isEqualTo(1 + WRITES + "");
    }

    private List<Future<SaveOutcome>> submit(JdbcStores stores, int count) {
        List<Future<SaveOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);
            outcomes.add(pool.submit(() -> stores.tokens().saveAccessToken(token)));
        }
        return outcomes;
    }

    private List<SaveOutcome> save(JdbcStores stores, int count) throws Exception {
        List<SaveOutcome> saved = new ArrayList<>();
        for (Future<SaveOutcome> outcome : submit(stores, count)) {
            saved.add(outcome.get(30, TimeUnit.SECONDS));
        }
        return saved;
    }

    /** The first column of the first row, read from the file on a connection of its own. */
    private static String query(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Whether {@code condition} holds within ten seconds (the health probe writes at most once a second). */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
