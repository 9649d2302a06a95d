package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A full disk must not wedge the store: writes fail while it is full, /health says so, the failures are logged
 * once rather than per write, and once space returns the store recovers without a restart. Runs on a real 16 MiB
 * filesystem where this process may mount one, and always with the failure injected into the writer's connection
 * as sqlite-jdbc produces it.
 */
class FullDiskTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int WRITES = 64;
    private static final String INJECTED = "SQLITE_FULL injected into the writer's connection";
    private static final String TMPFS = "a real 16 MiB tmpfs filled to the last byte";

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

    static Stream<String> disks() {
        return SmallFilesystem.canMount() ? Stream.of(INJECTED, TMPFS) : Stream.of(INJECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disks")
    void whenTheDiskFillsUnderLoadAndSpaceReturnsThenTheStoreRecoversWithoutRestart(String kind) throws Exception {
        Disk disk = kind.equals(TMPFS) ? tmpfs() : injected();
        LogCapture log = LogCapture.of(GroupCommitWriter.class);
        cleanup.add(log);
        JdbcStores stores = disk.stores();
        assertThat(save(stores, 1)).containsOnly(SaveOutcome.SAVED);
        assertThat(stores.isHealthy()).isTrue();

        disk.fill();
        List<Future<SaveOutcome>> whileFull = submit(stores, WRITES);

        for (Future<SaveOutcome> outcome : whileFull) {
            assertThatThrownBy(() -> outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreException.class);
        }
        assertThat(stores.isHealthy()).as("healthy while the disk is full").isFalse();
        List<String> warnings = log.messages(Level.WARN);
        assertThat(warnings).as("lines logged for %d failed writes", WRITES).hasSizeBetween(1, 3)
                .doesNotHaveDuplicates();
        assertThat(warnings.get(0)).contains("SQLITE_FULL");

        disk.free();

        assertThat(eventually(stores::isHealthy)).as("healthy again once space returned, without any write").isTrue();
        assertThat(save(stores, WRITES)).hasSize(WRITES).containsOnly(SaveOutcome.SAVED);
        assertThat(countRows(stores)).isEqualTo(1 + WRITES);
        assertThat(log.messages(Level.INFO)).anyMatch(line -> line.startsWith("The store takes writes again"));
    }

    private interface Disk {
        JdbcStores stores();

        void fill() throws Exception;

        void free() throws Exception;
    }

    private Disk injected() {
        FaultyConnections connections = FaultyConnections.fullDisk();
        JdbcStores stores = JdbcStores.openSqlite(TestStores.settings(directory.resolve("grantsmith.db")), connections);
        cleanup.add(stores);
        return new Disk() {
            @Override
            public JdbcStores stores() {
                return stores;
            }

            @Override
            public void fill() {
                connections.fail();
            }

            @Override
            public void free() {
                connections.heal();
            }
        };
    }

    private Disk tmpfs() throws Exception {
        SmallFilesystem filesystem = SmallFilesystem.mount(directory.resolve("small"));
        cleanup.add(filesystem);
        JdbcStores stores = TestStores.open(filesystem.root().resolve("grantsmith.db"));
        cleanup.add(stores);
        return new Disk() {
            @Override
            public JdbcStores stores() {
                return stores;
            }

            @Override
            public void fill() throws Exception {
                filesystem.fill();
            }

            @Override
            public void free() throws Exception {
                filesystem.free();
            }
        };
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

    private static long countRows(JdbcStores stores) {
        return stores.reads().first("count", "SELECT count(*) FROM access_tokens", Params.of(), row -> row.getLong(1))
                .orElseThrow();
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
