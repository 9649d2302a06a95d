package io.grantsmith.store.jdbc;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.grantsmith.registry.StoreStatistic;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The PostgreSQL pool's and gate's figures for metrics: connections in use, idle and waited for (HikariCP's pool
 * bean), whether the database is unreachable now (the {@link ConnectionGate} is closed) and how often it became so.
 * An operator sees a pool too small (waiting above zero while active equals the pool size) apart from an outage.
 */
final class PostgresPoolStatistics {
    private PostgresPoolStatistics() {
    }

    /** @param pool the pool's bean, or null before the pool has started (then its figures are 0) */
    static List<StoreStatistic> of(Supplier<HikariPoolMXBean> pool, ConnectionGate gate) {
        return List.of(
                new StoreStatistic("store.pool.active", "Pooled PostgreSQL connections in use now",
                        StoreStatistic.Kind.GAUGE, () -> figure(pool, HikariPoolMXBean::getActiveConnections)),
                new StoreStatistic("store.pool.idle", "Pooled PostgreSQL connections idle now",
                        StoreStatistic.Kind.GAUGE, () -> figure(pool, HikariPoolMXBean::getIdleConnections)),
                new StoreStatistic("store.pool.waiting", "Threads waiting for a pooled PostgreSQL connection now",
                        StoreStatistic.Kind.GAUGE, () -> figure(pool, HikariPoolMXBean::getThreadsAwaitingConnection)),
                new StoreStatistic("store.database.unreachable",
                        "1 while the database is known unreachable (requests that need it are refused at once), else 0",
                        StoreStatistic.Kind.GAUGE, () -> gate.isDown() ? 1 : 0),
                new StoreStatistic("store.database.outages", "Times the database was found unreachable",
                        StoreStatistic.Kind.COUNTER, gate::outages));
    }

    private static long figure(Supplier<HikariPoolMXBean> pool, ToIntFunction<HikariPoolMXBean> figure) {
        HikariPoolMXBean bean = pool.get();
        return bean == null ? 0 : figure.applyAsInt(bean);
    }
}
