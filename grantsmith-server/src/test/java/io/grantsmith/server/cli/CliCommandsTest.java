package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.Cli;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.Json;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline commands through {@code Main.run}, on a fresh SQLite data directory per test. */
class CliCommandsTest {
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();
    private static final Pattern ANNOUNCED_TOKEN = Pattern.compile("(?m)^    (\\S{43})$");

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0} --help")
    @CsvSource(delimiter = '|', value = {
            "|serve,service,client,user,admin",
            "serve|--port,--host,--data,--config,--cache-ttl,--refresh-grace,--ticket-lifetime,"
                    + "--password-verifications,--password-throttle,--issuance-rate,--max-clients-per-service,"
                    + "--public-url",
            "service|create,list", "service create|--name,--scopes,--default-scopes,--grant-types,--json,--data",
            "service list|--start,--end,--data", "client|create,list",
            "client create|--service,--name,--type,--auth-method,--grant-types,--alias,--json",
            "client list|--service,--start,--end", "user|add,remove",
            "user add|--service,--username,--subject,--password-stdin,--replace", "user remove|--service,--username",
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
    void whenFirstCommandRunsOnAFreshDataDirectoryThenTheGeneratedAdminTokenIsShownOnStderrOnlyOnce() {
        Cli.Result first = Cli.run(NO_ENVIRONMENT, "service", "list", "--data", data.toString());
        Cli.Result second = Cli.run(NO_ENVIRONMENT, "service", "list", "--data", data.toString());

        String token = announcedToken(first);
        assertThat(first.err().split("Generated the admin token", -1)).hasSize(2);
        assertThat(first.out()).doesNotContain(token);
        assertThat(second.err()).doesNotContain("Generated").doesNotContain(token);
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            server.get("/api/service/get/list").bearer(token).send().assertJson(200);
        }
    }

    @Test
    void whenAdminTokenIsResetThenTheApiAcceptsTheNewTokenAndRefusesTheOld() {
        String old = announcedToken(Cli.run(NO_ENVIRONMENT, "service", "list", "--data", data.toString()));

        Cli.Result reset = Cli.run(NO_ENVIRONMENT, "admin", "reset-token", "--data", data.toString());

        assertThat(reset.exitCode()).isZero();
        String fresh = reset.out().strip();
        assertThat(fresh).hasSize(43).isNotEqualTo(old);
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            server.get("/api/service/get/list").bearer(fresh).send().assertJson(200);
            server.get("/api/service/get/list").bearer(old).send().assertApiFailure(401, "A001292");
        }
    }

    @Test
    void whenAdminTokenIsConfiguredThenResetTokenRefusesAndPrintsNoToken() {
        Cli.Result reset = Cli.run(Map.of("GRANTSMITH_ADMIN_TOKEN", "configured-admin-token-0123456789"),
                "admin", "reset-token", "--data", data.toString());

        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.out()).isEmpty();
        assertThat(reset.err()).contains("GRANTSMITH_ADMIN_TOKEN");
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

    private static String announcedToken(Cli.Result result) {
        Matcher matcher = ANNOUNCED_TOKEN.matcher(result.err());
        assertThat(matcher.find()).as("a generated token in: %s", result.err()).isTrue();
        return matcher.group(1);
    }
}
