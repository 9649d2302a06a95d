package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.testkit.Records;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The janitor's signal to yield: writes other than its own committed by, or queued for, the SQLite writer. */
class JdbcHousekeepingTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path directory;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private JdbcStores stores;

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void whenOnlyThePurgeWroteThenNoOthersAreWritingAndAfterASaveThereAreOnce() {
        stores = TestStores.open(directory.resolve("db"));
        stores.housekeeping().othersWriting(); // forgets the writes that opened the store

        stores.housekeeping().purgeExpired(NOW, 10);
        assertThat(stores.housekeeping().othersWriting()).as("only the purge wrote").isFalse();

        stores.tokens().saveAccessToken(Records.accessToken(NOW, Duration.ofHours(1), null));
        stores.housekeeping().purgeExpired(NOW, 10);
        assertThat(stores.housekeeping().othersWriting()).as("a token was saved since").isTrue();
        assertThat(stores.housekeeping().othersWriting()).as("nothing since the last call").isFalse();
    }

    @Test
    void theRunningCountOfOthersWritesLeavesThePurgesOut() {
        stores = TestStores.open(directory.resolve("db"));
        long start = stores.housekeeping().writesByOthers();

        stores.housekeeping().purgeExpired(NOW, 10);
        assertThat(stores.housekeeping().writesByOthers()).as("only the purge wrote").isEqualTo(start);

        stores.tokens().saveAccessToken(Records.accessToken(NOW, Duration.ofHours(1), null));
        stores.tokens().saveAccessToken(Records.accessToken(NOW, Duration.ofHours(1), null));
        stores.housekeeping().purgeExpired(NOW, 10);
        assertThat(stores.housekeeping().writesByOthers()).as("two tokens saved since").isEqualTo(start + 2);
    }

    @Test
    void whenAWriteWaitsForTheWriterThenOthersAreWriting() throws Exception {
        stores = TestStores.open(directory.resolve("db"));
        stores.housekeeping().othersWriting(); // forgets the writes that opened the store
        Future<SaveOutcome> saved;

        try (WriterGate gate = WriterGate.close(stores.writer())) {
            stores.housekeeping().othersWriting(); // forgets nothing committed yet; the gate's write is running
            saved = pool.submit(() -> stores.tokens().saveAccessToken(
                    Records.accessToken(NOW, Duration.ofHours(1), null)));
            gate.awaitQueued(1);

            assertThat(stores.housekeeping().othersWriting()).as("a write queued behind the held writer").isTrue();
        }

        assertThat(saved.get(10, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.SAVED);
    }
}
