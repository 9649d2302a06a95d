package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite every code and ticket lookup reads the index it was made for (EXPLAIN QUERY PLAN): a value with a key
 * through the unique {@code token_key} index, a value from before V12 through the partial {@code legacy_hash}
 * index; never a scan of the table.
 */
class SqliteCodeAndTicketIndexTest {
    @TempDir
    Path directory;

    @Test
    void whenACodeOrTicketIsLookedUpThenItsKeyOrItsLegacyHashIndexIsRead() throws Exception {
        Path file = directory.resolve("grantsmith.db");
        TestStores.open(file).close(); // migrated

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (CodeAndTicketIndexPlans.Lookup lookup : CodeAndTicketIndexPlans.LOOKUPS) {
                assertThat(plan(connection, lookup.match().keyed())).as(lookup.name() + " keyed")
                        .contains("USING INDEX " + lookup.table() + "_token_key (token_key=?)")
                        .doesNotContain("SCAN");
                assertThat(plan(connection, lookup.match().legacy())).as(lookup.name() + " legacy")
                        .contains("USING INDEX " + lookup.table() + "_legacy_hash (hash=?)")
                        .doesNotContain("SCAN");
            }
        }
    }

    private static String plan(Connection connection, String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
                lines.add(rows.getString("detail"));
            }
        }
        return String.join("\n", lines);
    }
}
