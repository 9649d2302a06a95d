package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.Cli;
import io.grantsmith.server.Json;
import io.grantsmith.testkit.TestPostgres;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store postgres --db-url ...} (or the environment) puts every command on one shared PostgreSQL database. */
class PostgresStoreCliTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresStoreCliTest.class);
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void whenTwoNodesWithTheirOwnDataDirectoriesNameOneDatabaseThenWhatOneCreatesTheOtherSees() {
        SCHEMA.truncate();
        Map<String, String> node = Map.of("GRANTSMITH_MASTER_KEY", MASTER_KEY,
                "GRANTSMITH_ADMIN_TOKEN", "shared-admin-token-0123456789abcdefghij");

        Cli.Result created = Cli.run(node, "service", "create", "--data", dir.resolve("a").toString(),
                "--store", "postgres", "--db-url", SCHEMA.url(), "--name", "shared");
        Cli.Result listed = Cli.run(Map.of("GRANTSMITH_MASTER_KEY", MASTER_KEY,
                "GRANTSMITH_ADMIN_TOKEN", "shared-admin-token-0123456789abcdefghij",
                "GRANTSMITH_STORE", "postgres", "GRANTSMITH_DB_URL", SCHEMA.url()),
                "service", "list", "--data", dir.resolve("b").toString());
        Cli.Result onSqlite = Cli.run(node, "service", "list", "--data", dir.resolve("b").toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        long serviceId = Json.parse(created.out()).get("apiKey").asLong();
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(serviceIds(Json.parse(listed.out()))).containsExactly(serviceId);
        assertThat(onSqlite.exitCode()).as(onSqlite.err()).isZero();
        assertThat(serviceIds(Json.parse(onSqlite.out()))).as("the SQLite store of the same data directory")
                .isEmpty();
    }

    @Test
    void whenPostgresIsChosenWithoutAUrlThenExit1SayingWhatIsMissing() {
        Cli.Result result = Cli.run(Map.of(), "service", "list", "--data", dir.toString(), "--store", "postgres");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--store postgres needs --db-url (or GRANTSMITH_DB_URL)")
                .doesNotContain("Exception");
    }

    /** The group writers (the default) hold connections of their own beside the reads: a pool of one cannot work. */
    @Test
    void whenThePoolIsOneWithTheGroupWriterThenServeExits1NamingTheWaysOut() {
        Cli.Result result = Cli.run(Map.of("GRANTSMITH_MASTER_KEY", MASTER_KEY), "serve", "--data", dir.toString(),
                "--port", "0", "--store", "postgres", "--db-url", SCHEMA.url(), "--db-pool-size", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--db-pool-size 1 cannot work with --db-writer group")
                .contains("--db-pool-size 2 or more, or --db-writer pooled").doesNotContain("Exception");
    }

    @Test
    void whenAnUnknownStoreIsChosenThenExit1NamingTheChoices() {
        Cli.Result result = Cli.run(Map.of("GRANTSMITH_STORE", "mysql"), "service", "list", "--data",
                dir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--store must be sqlite or postgres, not 'mysql'");
    }

    @Test
    void whenTheDatabaseIsUnreachableThenExit1WithoutThePassword() {
        Cli.Result result = Cli.run(Map.of("GRANTSMITH_DB_PASSWORD", "hunter2-secret"), "service", "list",
                "--data", dir.toString(), "--store", "postgres", "--db-url",
                "jdbc:postgresql://127.0.0.1:1/nowhere?user=nobody&password=url-secret&connectTimeout=1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("PostgreSQL").contains("jdbc:postgresql://127.0.0.1:1/nowhere")
                .doesNotContain("url-secret").doesNotContain("hunter2-secret");
    }

    private static java.util.List<Long> serviceIds(JsonNode list) {
        JsonNode services = list.has("services") ? list.get("services") : list;
        return services.findValues("apiKey").stream().map(JsonNode::asLong).toList();
    }
}
