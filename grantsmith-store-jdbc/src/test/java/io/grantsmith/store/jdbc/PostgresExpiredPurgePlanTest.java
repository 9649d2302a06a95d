package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The janitor's PostgreSQL statements stay on the {@code expires_at} index and the primary key when expired rows are
 * spread among live ones, both as planned for the bound values (a custom plan) and as planned once for any values
 * (a generic plan, which the driver's server-side prepared statements end up with). A Seq Scan here reads the
 * whole table for every 500-row batch (see {@link ExpiredRowsSql}).
 */
class PostgresExpiredPurgePlanTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresExpiredPurgePlanTest.class);
    private static final long CUT_OFF = 1_000_000L;
    private static final int ROWS = 60_000;
    private static JdbcStores stores;

    @BeforeAll
    static void interleaveExpiredAndLiveRows() {
        stores = PostgresTestStores.openEmpty(SCHEMA); // migrates the schema
        // every tenth row expired, the others live; keys ascending, so expired rows lie all through the table
        String expiresAt = "CASE WHEN g % 10 = 0 THEN " + CUT_OFF + " - g ELSE " + CUT_OFF + " + g END";
        TestPostgres.execute(SCHEMA.url(), "INSERT INTO access_tokens (token_key, hash, caller_chosen, service_id, "
                + "client_id, subject, scopes, resources, grant_type, issued_at, expires_at, family, properties, "
                + "client_id_alias_used) SELECT g, sha256(int8send(g)), 0, 1, 1, NULL, '[]', NULL, "
                + "'CLIENT_CREDENTIALS', 0, " + expiresAt + ", NULL, NULL, 0 "
                + "FROM generate_series(1, " + ROWS + ") g");
        TestPostgres.execute(SCHEMA.url(), "INSERT INTO refresh_tokens (token_key, hash, family, issued_at, "
                + "expires_at, properties, client_id_alias_used, state, rotated_at, successor_key) "
                + "SELECT g, sha256(int8send(g)), sha256(int8send(g)), 0, " + expiresAt
                + ", NULL, 0, 'ACTIVE', NULL, 0 FROM generate_series(1, " + ROWS + ") g");
        TestPostgres.execute(SCHEMA.url(), "INSERT INTO authorization_codes (token_key, hash, service_id, client_id, "
                + "request, approval, issued_at, expires_at) SELECT g, sha256(int8send(g)), 1, 1, '{}', '{}', 0, "
                + expiresAt + " FROM generate_series(1, " + ROWS + ") g");
        TestPostgres.execute(SCHEMA.url(), "ANALYZE authorization_codes");
        TestPostgres.execute(SCHEMA.url(), "ANALYZE access_tokens");
        TestPostgres.execute(SCHEMA.url(), "ANALYZE refresh_tokens");
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Test
    void whenPlannedForTheBoundValuesThenThePurgeReadsTheExpiresAtIndexAndDeletesByKey() throws Exception {
        for (String table : List.of("access_tokens", "refresh_tokens", "authorization_codes")) {
            String sql = purgeOf(table).replaceFirst("\\?", Long.toString(CUT_OFF)).replaceFirst("\\?", "500");

            String plan = explain(List.of(), "EXPLAIN " + sql);

            assertUsesIndexes(table, plan);
        }
    }

    @Test
    void whenPlannedOnceForAnyValuesThenThePurgeStillReadsTheExpiresAtIndexAndDeletesByKey() throws Exception {
        for (String table : List.of("access_tokens", "refresh_tokens", "authorization_codes")) {
            String sql = purgeOf(table).replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2");

            String plan = explain(List.of("SET plan_cache_mode = force_generic_plan",
                    "PREPARE purge(bigint, bigint) AS " + sql), "EXPLAIN EXECUTE purge(" + CUT_OFF + ", 500)");

            assertThat(plan).as(table + " generic plan").contains("$1").doesNotContain("Hash Semi Join");
            assertUsesIndexes(table, plan);
        }
    }

    /**
     * Tokens are deleted through their primary key; tickets and codes, which have none that covers every row (rows from
     * before V12 have no key), by the rows' addresses (a Tid Scan).
     */
    private static void assertUsesIndexes(String table, String plan) {
        assertThat(plan).as(table + " plan")
                .doesNotContain("Seq Scan")
                .contains(table + "_expires_at")
                .contains(table.equals("authorization_codes") ? "Tid Scan on " + table : table + "_pkey");
    }

    private static String purgeOf(String table) {
        return ExpiredRowsSql.POSTGRESQL.stream().filter(sql -> sql.startsWith("DELETE FROM " + table + " "))
                .findFirst().orElseThrow();
    }

    /** Runs {@code setup} on a fresh connection, then returns the plan {@code explain} prints. */
    private static String explain(List<String> setup, String explain) throws Exception {
        try (Connection connection = DriverManager.getConnection(SCHEMA.url());
                Statement statement = connection.createStatement()) {
            for (String sql : setup) {
                statement.execute(sql);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(explain)) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }
}
