package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL schema mirrors the SQLite one: the same tables with the same columns and the same secondary indexes,
 * at the same migration version. The store's SQL is shared, so a column or index on one side only would either fail
 * there or leave it slow; a migration added to one location only fails this test.
 */
class SchemaParityTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(SchemaParityTest.class);

    @TempDir
    Path directory;

    @Test
    void whenBothStoresAreMigratedThenTheyHaveTheSameTablesColumnsIndexesAndVersion() {
        try (JdbcStores sqlite = TestStores.open(directory.resolve("grantsmith.db"));
                JdbcStores postgres = PostgresTestStores.openEmpty(SCHEMA)) {
            List<List<String>> sqliteColumns = sqlite.reads().all("columns", "SELECT m.name, p.name "
                    + "FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' "
                    + "AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'flyway_schema_history'", Params.of(),
                    row -> List.of(row.getString(1), row.getString(2)));
            List<List<String>> postgresColumns = postgres.reads().all("columns", "SELECT table_name, "
                    + "column_name FROM information_schema.columns WHERE table_schema = ? "
                    + "AND table_name <> 'flyway_schema_history'", Params.of().text(SCHEMA.name()),
                    row -> List.of(row.getString(1), row.getString(2)));
            assertThat(grouped(postgresColumns)).isNotEmpty().isEqualTo(grouped(sqliteColumns));

            List<String> sqliteIndexes = sqlite.reads().all("indexes", "SELECT name FROM sqlite_master "
                    + "WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' AND tbl_name <> "
                    + "'flyway_schema_history'", Params.of(), row -> row.getString(1));
            List<String> postgresIndexes = postgres.reads().all("indexes", "SELECT indexname FROM pg_indexes "
                    + "WHERE schemaname = ? AND indexname NOT LIKE '%_pkey' AND tablename <> 'flyway_schema_history'",
                    Params.of().text(SCHEMA.name()), row -> row.getString(1));
            assertThat(new TreeSet<>(postgresIndexes)).isNotEmpty().isEqualTo(new TreeSet<>(sqliteIndexes));

            String latest = "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL "
                    + "ORDER BY installed_rank DESC LIMIT 1";
            assertThat(postgres.reads().first("version", latest, Params.of(), row -> row.getString(1)))
                    .isPresent().isEqualTo(sqlite.reads().first("version", latest, Params.of(), row -> row.getString(1)));
        }
    }

    /** table -> its column names, sorted. */
    private static Map<String, TreeSet<String>> grouped(List<List<String>> tableColumnPairs) {
        return tableColumnPairs.stream().collect(Collectors.groupingBy(pair -> pair.get(0), TreeMap::new,
                Collectors.mapping(pair -> pair.get(1), Collectors.toCollection(TreeSet::new))));
    }
}
