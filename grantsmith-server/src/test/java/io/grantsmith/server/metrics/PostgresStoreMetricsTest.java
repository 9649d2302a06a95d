package io.grantsmith.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.store.jdbc.JdbcStores;
import io.grantsmith.store.jdbc.PostgresSettings;
import io.grantsmith.store.jdbc.SealingKey;
import io.grantsmith.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

/** A PostgreSQL node's scrape names its pool and its outages as docs/OPERATIONS.md (§ Metrics) lists them. */
class PostgresStoreMetricsTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoreMetricsTest.class);

    @Test
    void theScrapeHasThePoolAndOutageMeters() {
        try (JdbcStores stores = JdbcStores.openPostgres(PostgresSettings.defaults(SCHEMA.url(),
                SealingKey.of(new byte[32])).withPoolSize(4))) {
            String scrape = new ServerMetrics(stores.statistics(), registry -> { }).scrape();

            assertThat(scrape).containsPattern("(?m)^grantsmith_store_pool_active [0-9.]+$")
                    .containsPattern("(?m)^grantsmith_store_pool_idle [0-9.]+$")
                    .contains("\ngrantsmith_store_pool_waiting 0.0\n")
                    .contains("\ngrantsmith_store_database_unreachable 0.0\n")
                    .contains("\ngrantsmith_store_database_outages_total 0.0\n");
        }
    }
}
