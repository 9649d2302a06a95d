package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.grantsmith.registry.StoreStatistic;
import io.grantsmith.testkit.TestPostgres;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store's pool and outage figures: what HikariCP's pool bean says, 1 while the gate is closed, and one
 * outage per closing however many callers failed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostgresPoolStatisticsTest {
    private static final SQLException RESET = new SQLException("An I/O error occurred while sending to the backend.",
            "08006");
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresPoolStatisticsTest.class);

    @TempDir
    Path dir;

    @Test
    void whileTheGateIsClosedTheDatabaseIsUnreachableAndEachClosingIsOneOutage() throws Exception {
        BlockingQueue<Boolean> trialAnswers = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> trialsDone = new LinkedBlockingQueue<>();
        DataSource noPool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        try (ConnectionGate gate = new ConnectionGate(noPool, "jdbc:postgresql://db/x?…", () -> {
            boolean answers = trialAnswers.take();
            trialsDone.add(answers);
            if (!answers) {
                throw RESET;
            }
        }, millis -> { }, System::nanoTime)) {
            List<StoreStatistic> statistics = PostgresPoolStatistics.of(() -> null, gate);
            assertThat(values(statistics)).containsEntry("store.database.unreachable", 0L)
                    .containsEntry("store.database.outages", 0L);

            gate.failed(RESET);
            gate.failed(RESET); // a second caller failing in the same outage
            assertThat(values(statistics)).containsEntry("store.database.unreachable", 1L)
                    .containsEntry("store.database.outages", 1L);

            trialAnswers.add(false);
            assertThat(trialsDone.poll(10, TimeUnit.SECONDS)).isFalse();
            assertThat(values(statistics)).containsEntry("store.database.unreachable", 1L);
            trialAnswers.add(true);
            assertThat(trialsDone.poll(10, TimeUnit.SECONDS)).isTrue();
            awaitOpen(gate);
            assertThat(values(statistics)).containsEntry("store.database.unreachable", 0L)
                    .containsEntry("store.database.outages", 1L);

            gate.failed(RESET);
            assertThat(values(statistics)).containsEntry("store.database.unreachable", 1L)
                    .containsEntry("store.database.outages", 2L);
            trialAnswers.add(true);
        }
    }

    @Test
    void thePoolFiguresAreTheBeansAndZeroBeforeThePoolStarted() {
        HikariPoolMXBean bean = (HikariPoolMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HikariPoolMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getActiveConnections" -> 5;
                    case "getIdleConnections" -> 3;
                    case "getThreadsAwaitingConnection" -> 7;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ConnectionGate gate = ConnectionGate.alwaysOpen(null);

        assertThat(values(PostgresPoolStatistics.of(() -> bean, gate))).containsEntry("store.pool.active", 5L)
                .containsEntry("store.pool.idle", 3L).containsEntry("store.pool.waiting", 7L);
        assertThat(values(PostgresPoolStatistics.of(() -> null, gate))).containsEntry("store.pool.active", 0L)
                .containsEntry("store.pool.idle", 0L).containsEntry("store.pool.waiting", 0L);
    }

    /** On a real pool: the group writers hold connections of their own, nothing waits, and the database answers. */
    @Test
    void aPostgresStoreReportsItsPoolAndThatTheDatabaseIsReachable() {
        try (JdbcStores stores = PostgresTestStores.openEmpty(SCHEMA)) {
            stores.reads().first("probe", "SELECT 1", Params.of(), row -> row.getInt(1));
            Map<String, Long> values = values(stores.statistics());

            assertThat(values).containsKeys("store.writer.queue", "store.pool.active", "store.pool.idle",
                    "store.pool.waiting", "store.database.unreachable", "store.database.outages");
            assertThat(values.get("store.pool.active") + values.get("store.pool.idle")).isBetween(1L, 8L);
            assertThat(values).containsEntry("store.pool.waiting", 0L)
                    .containsEntry("store.database.unreachable", 0L).containsEntry("store.database.outages", 0L);
        }
        try (JdbcStores sqlite = TestStores.open(dir.resolve("store.db"))) {
            assertThat(values(sqlite.statistics())).doesNotContainKey("store.pool.active");
        }
    }

    private static void awaitOpen(ConnectionGate gate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.isDown() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static Map<String, Long> values(List<StoreStatistic> statistics) {
        return statistics.stream().collect(Collectors.toMap(StoreStatistic::name, s -> s.value().getAsLong()));
    }
}
