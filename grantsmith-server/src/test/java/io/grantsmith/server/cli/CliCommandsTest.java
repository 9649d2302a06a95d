package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.Cli;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline commands through {@code Main.run}, on a fresh SQLite data directory per test. */
class CliCommandsTest {
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0} --help")
    @CsvSource(delimiter = '|', value = {
            "|serve,service,client,user,admin",
            "serve|--port,--host,--data,--config,--cache-ttl,--refresh-grace,--ticket-lifetime,--authorization-ticket-lifetime,"
                    + "--password-verifications,--password-throttle,--issuance-rate,--max-clients-per-service,--write-timeout,--idle-timeout,"
                    + "--header-timeout,--min-request-data-rate,--max-connections,--public-url,--jose-provider",
            "service|create,list,rotate-secret", "service rotate-secret|--service,--data", "service create|--name,--scopes,--default-scopes,--grant-types,--json,--data",
            "service list|--start,--end,--data", "client|create,list",
            "client create|--service,--name,--type,--auth-method,--grant-types,--alias,--json",
            "client list|--service,--start,--end", "user|add,claims,remove",
            "user add|--service,--username,--subject,--password-stdin,--replace,--claims,--claims-file",
            "user claims|--service,--username,--claims,--claims-file", "user remove|--service,--username",
            "admin|reset-token", "admin reset-token|--data,--config"})
    void whenHelpIsAskedForThenExit0AndTheOptionsAreListed(String command, String mentioned) {
        String[] words = command == null ? new String[0] : command.split(" ");
        String[] args = Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";

        Cli.Result result = Cli.run(NO_ENVIRONMENT, args);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: grantsmith").contains(mentioned.split(","));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void whenServiceIsCreatedThenItsJsonWithApiKeyAndSecretIsPrinted() {
        Cli.Result result = Cli.run(NO_ENVIRONMENT, "service", "create", "--data", data.toString(), "--name", "x",
                "--scopes", "a,b", "--default-scopes", "a");

        assertThat(result.exitCode()).isZero();
        JsonNode service = Json.parse(result.out());
        assertThat(service.get("apiKey").asLong()).isPositive();
        assertThat(service.get("apiSecret").asText()).hasSize(43);
        assertThat(service.get("serviceName").asText()).isEqualTo("x");
        assertThat(service.get("supportedScopes").findValuesAsText("name")).containsExactly("a", "b");
        assertThat(service.get("supportedScopes").get(0).get("defaultEntry").asBoolean()).isTrue();
    }

    @Test
    void whenClientIsCreatedThenItsPrintedIdAndSecretGetATokenFromTheServer() {
        long serviceId = createService();

        Cli.Result result = Cli.run(NO_ENVIRONMENT, "client", "create", "--data", data.toString(), "--service",
                Long.toString(serviceId), "--name", "app", "--grant-types", "client_credentials");

        assertThat(result.exitCode()).isZero();
        JsonNode client = Json.parse(result.out());
        assertThat(client.get("clientSecret").asText()).hasSize(43);
        assertThat(client.get("grantTypes").get(0).asText()).isEqualTo("CLIENT_CREDENTIALS");
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            server.post("/as/" + serviceId + "/token")
                    .basic(client.get("clientId").asText(), client.get("clientSecret").asText())
                    .form("grant_type=client_credentials").send().assertNoStore(200);
        }
    }

    @Test
    void whenUserIsAddedWithPasswordOnStdinThenTheUserCanLogInAndBeRemoved() {
        long serviceId = createService();
        String service = Long.toString(serviceId);

        Cli.Result added = Cli.runWithStdin("s3cret pass\n", NO_ENVIRONMENT, "user", "add", "--data",
                data.toString(), "--service", service, "--username", "alice", "--password-stdin");
        Cli.Result again = Cli.runWithStdin("other\n", NO_ENVIRONMENT, "user", "add", "--data", data.toString(),
                "--service", service, "--username", "alice", "--password-stdin");

        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).contains("Added user 'alice'");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists");
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            assertThat(server.grantsmith().users().authenticate(serviceId, "alice", "s3cret pass")).contains("alice");
            assertThat(server.grantsmith().users().authenticate(serviceId, "alice", "other")).isEmpty();
        }
        assertThat(Cli.run(NO_ENVIRONMENT, "user", "remove", "--data", data.toString(), "--service", service,
                "--username", "alice").exitCode()).isZero();
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            assertThat(server.grantsmith().users().authenticate(serviceId, "alice", "s3cret pass")).isEmpty();
        }
    }

    @Test
    void whenUserIsAddedWithClaimsThenTheyAreShownReplacedAndCheckedByType() throws Exception {
        long serviceId = createService();
        String service = Long.toString(serviceId);
        Path claimsFile = data.resolve("bob.json");
        Files.writeString(claimsFile, "{\"name\":\"Bob\",\"email_verified\":false}");

        Cli.Result added = Cli.runWithStdin("pw\n", NO_ENVIRONMENT, "user", "add", "--data", data.toString(),
                "--service", service, "--username", "alice", "--subject", "user-1", "--password-stdin",
                "--claims", "{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"email_verified\":true}");
        Cli.Result shown = Cli.run(NO_ENVIRONMENT, "user", "claims", "--data", data.toString(), "--service", service,
                "--username", "alice");
        Cli.Result replaced = Cli.run(NO_ENVIRONMENT, "user", "claims", "--data", data.toString(), "--service",
                service, "--username", "alice", "--claims-file", claimsFile.toString());
        Cli.Result wrongType = Cli.run(NO_ENVIRONMENT, "user", "claims", "--data", data.toString(), "--service",
                service, "--username", "alice", "--claims", "{\"email_verified\":\"yes\"}");
        Cli.Result missing = Cli.run(NO_ENVIRONMENT, "user", "claims", "--data", data.toString(), "--service",
                service, "--username", "nobody", "--claims", "{}");

        assertThat(added.exitCode()).isZero();
        assertThat(shown.exitCode()).isZero();
        assertThat(Json.parse(shown.out()).get("subject").asText()).isEqualTo("user-1");
        assertThat(Json.parse(shown.out()).get("claims").get("email").asText()).isEqualTo("alice@example.com");
        assertThat(shown.out()).doesNotContain("argon2");
        assertThat(replaced.exitCode()).isZero();
        assertThat(Json.parse(replaced.out()).get("claims").toString())
                .isEqualTo("{\"name\":\"Bob\",\"email_verified\":false}");
        assertThat(wrongType.exitCode()).isNotZero();
        assertThat(wrongType.err()).contains("'email_verified' must be true or false");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("No user 'nobody'");
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            assertThat(server.grantsmith().users().find(serviceId, "alice").orElseThrow().claims())
                    .isEqualTo("{\"name\":\"Bob\",\"email_verified\":false}");
            assertThat(server.grantsmith().users().authenticate(serviceId, "alice", "pw")).contains("user-1");
        }
    }

    @Test
    void whenServiceSecretIsRotatedOfflineBesideARunningServerThenTheServerRefusesTheOldOneWithinSeconds()
            throws InterruptedException {
        Cli.Result created = Cli.run(NO_ENVIRONMENT, "service", "create", "--data", data.toString(), "--name", "x");
        long serviceId = Json.parse(created.out()).get("apiKey").asLong();
        String old = Json.parse(created.out()).get("apiSecret").asText();
        try (HttpFixture server = HttpFixture.startedOn(data, HttpFixture.ADMIN_TOKEN)) {
            String path = "/api/" + serviceId + "/service/get";
            server.get(path).bearer(old).send().assertJson(200);

            Cli.Result rotated = Cli.run(NO_ENVIRONMENT, "service", "rotate-secret", "--data", data.toString(),
                    "--service", Long.toString(serviceId));

            assertThat(rotated.exitCode()).isZero();
            JsonNode answer = Json.parse(rotated.out());
            assertThat(answer.get("resultCode").asText()).isEqualTo("A192001");
            assertThat(answer.get("apiKey").asLong()).isEqualTo(serviceId);
            String fresh = answer.get("apiSecret").asText();
            assertThat(fresh).hasSize(43).isNotEqualTo(old);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (server.get(path).bearer(old).send().status() != 401) {
                assertThat(System.nanoTime()).as("the running server refuses the old secret in time")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            server.get(path).bearer(fresh).send().assertJson(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "service create --bogus|2|Unknown option: '--bogus'",
            "serve --port notanumber|2|Invalid value for option '--port'",
            "client create --service|2|Missing required parameter",
            "frobnicate|2|Unmatched argument",
            "client create --data {data} --service 12345|1|A192201",
            "serve --data {data} --ticket-lifetime 0|1|--ticket-lifetime must be positive",
            "serve --data {data} --ticket-lifetime 9223372036854775807|1|--ticket-lifetime must be at most 86400",
            "serve --data {data} --refresh-grace -1|1|--refresh-grace must not be negative",
            "serve --data {data} --refresh-grace 86401|1|--refresh-grace must be at most 86400",
            "serve --data {data} --issuance-rate -1|1|--issuance-rate must not be negative",
            "serve --data {data} --max-clients-per-service 0|1|--max-clients-per-service must be positive",
            "serve --data {data} --password-client-failures 0|1|--password-client-failures must be positive",
            "serve --data {data} --password-verification-wait 60001|1|--password-verification-wait must be 0 to",
            "serve --data {data} --password-backoff-max 0|1|--password-backoff-max must be positive",
            "serve --data {data} --password-throttle maybe|2|Invalid value for option '--password-throttle'",
            "serve --data {data} --public-url ftp://login.example.com|1|--public-url: The public URL",
            "serve --data {data} --public-url https://login.example.com?x=1|1|must not have a query",
            "serve --data {data} --jose-provider bouncycastle|1|--jose-provider must be auto or jdk, not 'bouncycastle'",
            "serve --data {data} --write-timeout 0|1|--write-timeout must be positive",
            "serve --data {data} --idle-timeout 0|1|--idle-timeout must be positive",
            "serve --data {data} --header-timeout 86401|1|--header-timeout must be at most 86400",
            "serve --data {data} --min-request-data-rate -1|1|--min-request-data-rate must be between 0 and",
            "serve --data {data} --max-connections 0|1|--max-connections must be between 1 and",
            "user add --data {data} --service 1 --username bob --password-stdin|1|no password on standard input",
            "service list --config {data}/missing.properties|2|cannot read the configuration",
            "service create --data {data} --scopes a,b --default-scopes c|1|the default scope 'c' is not one of"})
    void whenCommandIsWrongThenNonZeroExitWithAMessageAndNoStackTrace(String command, int exitCode, String message) {
        Cli.Result result = Cli.run(NO_ENVIRONMENT, command.replace("{data}", data.toString()).split(" "));

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[1, 2]|the JSON on standard input must be a JSON object",
            "|the JSON on standard input must be a JSON object",
            "{bad|the JSON on standard input is not valid JSON (line 1, column 2)"})
    void whenJsonInputIsNotAnObjectThenExit1WithAPlainMessage(String stdin, String message) {
        Cli.Result result = Cli.runWithStdin(stdin == null ? "" : stdin, NO_ENVIRONMENT, "service", "create",
                "--data", data.toString(), "--json", "-");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("grantsmith: " + message).doesNotContain("com.fasterxml")
                .doesNotContain("Exception");
    }

    @Test
    void whenJsonFileIsMissingThenExit1NamingIt() {
        Cli.Result result = Cli.run(NO_ENVIRONMENT, "client", "create", "--data", data.toString(), "--service", "1",
                "--json", data.resolve("client.json").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the JSON file '" + data.resolve("client.json") + "' does not exist");
    }

    @Test
    void whenServiceIsCreatedFromJsonOnStdinThenItsMembersAreKept() {
        Cli.Result result = Cli.runWithStdin("{\"serviceName\":\"from-json\",\"accessTokenDuration\":60}",
                NO_ENVIRONMENT, "service", "create", "--data", data.toString(), "--json", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(Json.parse(result.out()).get("accessTokenDuration").asLong()).isEqualTo(60);
    }

    private long createService() {
        Cli.Result result = Cli.run(NO_ENVIRONMENT, "service", "create", "--data", data.toString(), "--name", "x");
        assertThat(result.exitCode()).isZero();
        return Json.parse(result.out()).get("apiKey").asLong();
    }
}
