package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL every code and ticket lookup can read the index it was made for: a value with a key the unique
 * {@code token_key} index, a value from before V12 the partial {@code legacy_hash} index (whose predicate,
 * {@code token_key IS NULL}, the lookup must spell out for the planner to use it). Planned once for any values (a
 * generic plan, what the driver's server-side prepared statements end up with), on a table of 20,000 keyed rows and
 * 2,000 legacy ones, analyzed.
 */
class PostgresCodeAndTicketIndexTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresCodeAndTicketIndexTest.class);
    private static JdbcStores stores;

    @BeforeAll
    static void fill() {
        stores = PostgresTestStores.openEmpty(SCHEMA);
        String key = "CASE WHEN g % 10 = 0 THEN NULL ELSE g END";
        TestPostgres.execute(SCHEMA.url(), "INSERT INTO authorization_tickets (token_key, hash, service_id, client_id, "
                + "request, issued_at, expires_at) SELECT " + key + ", sha256(int8send(g)), 1, 1, '{}', 0, 1 "
                + "FROM generate_series(1, 22000) g");
        TestPostgres.execute(SCHEMA.url(), "INSERT INTO authorization_codes (token_key, hash, service_id, client_id, "
                + "request, approval, issued_at, expires_at) SELECT " + key + ", sha256(int8send(g)), 1, 1, '{}', "
                + "'{}', 0, 1 FROM generate_series(1, 22000) g");
        TestPostgres.execute(SCHEMA.url(), "INSERT INTO tickets (token_key, hash, service_id, client_id, "
                + "client_id_alias_used, scopes, issued_at, expires_at) SELECT " + key + ", sha256(int8send(g)), 1, "
                + "1, 0, 'read', 0, 1 FROM generate_series(1, 22000) g");
        for (String table : List.of("authorization_tickets", "authorization_codes", "tickets")) {
            TestPostgres.execute(SCHEMA.url(), "ANALYZE " + table);
        }
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Test
    void whenACodeOrTicketIsLookedUpThenItsKeyOrItsLegacyHashIndexIsRead() throws Exception {
        for (CodeAndTicketIndexPlans.Lookup lookup : CodeAndTicketIndexPlans.LOOKUPS) {
            assertThat(plan(lookup.match().keyed())).as(lookup.name() + " keyed")
                    .contains(lookup.table() + "_token_key").doesNotContain("Seq Scan");
            assertThat(plan(lookup.match().legacy())).as(lookup.name() + " legacy")
                    .contains(lookup.table() + "_legacy_hash").doesNotContain("Seq Scan");
        }
    }

    /** The generic plan of {@code sql}, every parameter given as the untyped literal '1' (a bigint or a bytea). */
    private static String plan(String sql) throws Exception {
        int parameters = 0;
        StringBuilder numbered = new StringBuilder();
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameters);
            } else {
                numbered.append(c);
            }
        }
        try (Connection connection = DriverManager.getConnection(SCHEMA.url());
                Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE lookup AS " + numbered);
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE lookup("
                    + String.join(", ", Collections.nCopies(parameters, "'1'")) + ")")) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }
}
