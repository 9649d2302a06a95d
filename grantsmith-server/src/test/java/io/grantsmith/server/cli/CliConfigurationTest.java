package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.Cli;
import io.grantsmith.server.config.ConfigDefaults;
import io.grantsmith.server.http.EdgeLimits;
import io.grantsmith.store.jdbc.PostgresSettings;
import io.grantsmith.store.memory.MemoryStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where option values come from: the command line, then {@code GRANTSMITH_*}, then the {@code --config} file. */
class CliConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void whenPortIsGivenEverywhereThenFlagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path file = properties("port=1111\nhost=0.0.0.0\n");
        Map<String, String> environment = Map.of("GRANTSMITH_PORT", "2222");

        assertThat(serveOption("--port", environment, "serve", "--config", file.toString(), "--port", "3333"))
                .isEqualTo(3333);
        assertThat(serveOption("--port", environment, "serve", "--config", file.toString())).isEqualTo(2222);
        assertThat(serveOption("--port", Map.of(), "serve", "--config", file.toString())).isEqualTo(1111);
        assertThat(serveOption("--port", Map.of(), "serve")).isEqualTo(8080);
        assertThat(serveOption("--host", environment, "serve", "--config", file.toString())).isEqualTo("0.0.0.0");
    }

    @Test
    void whenConfigFileIsNamedByEnvironmentThenItIsReadAndTheFlagOverridesIt() throws IOException {
        Path fromEnvironment = properties("ticket-lifetime=77\n");
        Path fromFlag = Files.writeString(dir.resolve("other.properties"), "ticket-lifetime=88\n");
        Map<String, String> environment = Map.of("GRANTSMITH_CONFIG", fromEnvironment.toString());

        assertThat(serveOption("--ticket-lifetime", environment, "serve")).isEqualTo(77L);
        assertThat(serveOption("--ticket-lifetime", environment, "serve", "--config", fromFlag.toString()))
                .isEqualTo(88L);
        assertThat(serveOption("--ticket-lifetime", Map.of("GRANTSMITH_TICKET_LIFETIME", "99"), "serve", "--config",
                fromFlag.toString())).isEqualTo(99L);
    }

    @Test
    void whenTenantLimitsAreConfiguredByEnvironmentOrFileThenServeUsesThem() throws IOException {
        Path file = properties("issuance-rate=250\nmax-clients-per-service=10\n");
        Map<String, String> environment = Map.of("GRANTSMITH_MAX_CLIENTS_PER_SERVICE", "20");

        assertThat(serveOption("--issuance-rate", environment, "serve", "--config", file.toString())).isEqualTo(250L);
        assertThat(serveOption("--issuance-rate", Map.of(), "serve")).isEqualTo(50_000L);
        assertThat(serveOption("--max-clients-per-service", environment, "serve", "--config", file.toString()))
                .isEqualTo(20);
        assertThat(serveOption("--max-clients-per-service", Map.of(), "serve", "--config", file.toString()))
                .isEqualTo(10);
        assertThat(serveOption("--max-clients-per-service", Map.of(), "serve")).isEqualTo(100_000);
    }

    @Test
    void whenTheJoseProviderIsConfiguredByEnvironmentOrFileThenServeUsesIt() throws IOException {
        Path file = properties("jose-provider=jdk\n");

        assertThat(serveOption("--jose-provider", Map.of(), "serve")).isEqualTo("auto");
        assertThat(serveOption("--jose-provider", Map.of("GRANTSMITH_JOSE_PROVIDER", "jdk"), "serve")).isEqualTo("jdk");
        assertThat(serveOption("--jose-provider", Map.of(), "serve", "--config", file.toString())).isEqualTo("jdk");
        assertThat(serveOption("--jose-provider", Map.of("GRANTSMITH_JOSE_PROVIDER", "jdk"), "serve",
                "--jose-provider", "auto")).isEqualTo("auto");
    }

    @Test
    void whenPasswordLimitsAreConfiguredByEnvironmentOrFileThenServeUsesThem() throws IOException {
        Path file = properties("password-throttle=false\npassword-backoff-max=300\n");
        Map<String, String> environment = Map.of("GRANTSMITH_PASSWORD_USER_FAILURES", "3",
                "GRANTSMITH_PASSWORD_VERIFICATION_WAIT", "50");

        assertThat(serveOption("--password-throttle", environment, "serve", "--config", file.toString()))
                .isEqualTo(false);
        assertThat(serveOption("--password-throttle", Map.of(), "serve")).isEqualTo(true);
        assertThat(serveOption("--password-backoff-max", environment, "serve", "--config", file.toString()))
                .isEqualTo(300L);
        assertThat(serveOption("--password-user-failures", environment, "serve")).isEqualTo(3);
        assertThat(serveOption("--password-verification-wait", environment, "serve")).isEqualTo(50L);
        assertThat(serveOption("--password-backoff-max", Map.of(), "serve")).isEqualTo(60L);
        assertThat(serveOption("--password-client-failures", Map.of(), "serve")).isEqualTo(600);
        assertThat(serveOption("--password-verifications", Map.of(), "serve")).isEqualTo(0);
    }

    @Test
    void whenDataDirectoryComesFromEachSourceThenCommandsUseTheOneWithPrecedence() throws IOException {
        Path fromFile = dir.resolve("file-data");
        Path fromEnvironment = dir.resolve("env-data");
        Path fromFlag = dir.resolve("flag-data");
        Path file = properties("data=" + fromFile + "\n");
        Map<String, String> environment = new HashMap<>(Map.of("GRANTSMITH_CONFIG", file.toString()));

        assertThat(Cli.run(environment, "service", "list").exitCode()).isZero();
        assertThat(fromFile.resolve("grantsmith.db")).exists();
        assertThat(fromEnvironment).doesNotExist();

        environment.put("GRANTSMITH_DATA", fromEnvironment.toString());
        assertThat(Cli.run(environment, "service", "list").exitCode()).isZero();
        assertThat(fromEnvironment.resolve("grantsmith.db")).exists();
        assertThat(fromFlag).doesNotExist();

        assertThat(Cli.run(environment, "service", "list", "--data", fromFlag.toString()).exitCode()).isZero();
        assertThat(fromFlag.resolve("grantsmith.db")).exists();
    }

    @Test
    void whenAdminTokenIsConfiguredThenNoTokenIsGeneratedOrShown() throws IOException {
        Path file = properties("admin-token=configured-token-0123456789abcdefghij\n");

        Cli.Result fromFile = Cli.run(Map.of(), "service", "list", "--config", file.toString(), "--data",
                dir.resolve("a").toString());
        Cli.Result fromEnvironment = Cli.run(Map.of("GRANTSMITH_ADMIN_TOKEN", "another-token-0123456789abcdefghijkl"),
                "service", "list", "--data", dir.resolve("b").toString());

        Cli.Result unconfigured = Cli.run(Map.of(), "service", "list", "--data", dir.resolve("c").toString());

        assertThat(fromFile.exitCode()).isZero();
        assertThat(fromEnvironment.exitCode()).isZero();
        assertThat(fromFile.err()).doesNotContain("Generated the admin token");
        assertThat(fromEnvironment.err()).doesNotContain("Generated the admin token");
        assertThat(unconfigured.err()).contains("Generated the admin token");
    }

    @Test
    void whenWriteTimeoutIsConfiguredThenTheServerOpensItsStoreWithIt() throws Exception {
        Path file = properties("write-timeout=7\n");
        AtomicReference<StoreOptions> opened = new AtomicReference<>();
        ConfigDefaults config = ConfigDefaults.load(Map.of(), file);
        GrantsmithCommand root = new GrantsmithCommand(config, (data, keys, options) -> {
            opened.set(options);
            return new MemoryStores();
        }, false);
        Tuning tuning = new Tuning();
        new CommandLine(tuning).setDefaultValueProvider(config).parseArgs();
        DataOptions data = new DataOptions();
        data.dataDir = dir.resolve("data");

        Bootstrap.open(root, data, tuning).close();

        assertThat(opened.get().writeTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(serveOption("--write-timeout", Map.of(), "serve")).isEqualTo(5L);
    }

    /** The option defaults are strings in annotations: they must say what the library's defaults say. */
    @Test
    void theWriterDefaultsAreTheStoresAndTheEnvironmentCanChooseThePooledWriter() throws IOException {
        assertThat(StoreOptions.parseWriter((String) serveOption("--db-writer", Map.of(), "serve")))
                .isEqualTo(PostgresSettings.DEFAULT_WRITER).isEqualTo(PostgresSettings.Writer.GROUP);
        assertThat(serveOption("--db-group-writers", Map.of(), "serve")).isEqualTo(PostgresSettings.DEFAULT_GROUP_WRITERS)
                .isEqualTo(2);
        assertThat(serveOption("--db-writer", Map.of("GRANTSMITH_DB_WRITER", "pooled"), "serve")).isEqualTo("pooled");
        assertThat(serveOption("--db-group-writers", Map.of("GRANTSMITH_DB_GROUP_WRITERS", "3"), "serve")).isEqualTo(3);
        Tuning tuning = new Tuning();
        new CommandLine(tuning).parseArgs();
        assertThat(tuning.storeOptions().dbWriter()).isEqualTo(StoreOptions.defaults().dbWriter());
        assertThat(tuning.storeOptions().dbGroupWriters()).isEqualTo(StoreOptions.defaults().dbGroupWriters());
    }

    private Path properties(String content) throws IOException {
        return Files.writeString(dir.resolve("grantsmith.properties"), content);
    }

    /** The value {@code option} of {@code serve} ends up with, after defaults are applied as {@code Main} does. */
    private static Object serveOption(String option, Map<String, String> environment, String... args)
            throws IOException {
        ConfigDefaults config = ConfigDefaults.load(environment, ConfigDefaults.configFile(args, environment));
        CommandLine commandLine = GrantsmithCommand.commandLine(new GrantsmithCommand(config, (data, keys, options) -> {
            throw new AssertionError("parsing opens no store");
        }, false), args).setDefaultValueProvider(config);
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        return parsed.subcommand().commandSpec().findOption(option).getValue();
    }

    @Test
    void whenEdgeLimitsAreNotGivenThenTheServerDefaultsApplyAndEachCanComeFromTheEnvironment() {
        EdgeOptions defaults = serveMixin(Map.of(), "serve");
        EdgeOptions configured = serveMixin(Map.of("GRANTSMITH_IDLE_TIMEOUT", "5", "GRANTSMITH_HEADER_TIMEOUT", "3",
                "GRANTSMITH_MIN_REQUEST_DATA_RATE", "0", "GRANTSMITH_MAX_CONNECTIONS", "77"), "serve");

        assertThat(defaults.limits()).isEqualTo(EdgeLimits.DEFAULTS);
        assertThat(configured.limits()).isEqualTo(EdgeLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(5))
                .withHeaderTimeout(Duration.ofSeconds(3)).withMinRequestDataRate(0).withMaxConnections(77));
    }

    /** The edge options of {@code serve} after parsing, with defaults applied as {@code Main} does. */
    private static EdgeOptions serveMixin(Map<String, String> environment, String... args) {
        ConfigDefaults config;
        try {
            config = ConfigDefaults.load(environment, null);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        CommandLine commandLine = GrantsmithCommand.commandLine(new GrantsmithCommand(config, (data, keys, options) -> {
            throw new AssertionError("parsing opens no store");
        }, false), args).setDefaultValueProvider(config);
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        return ((ServeCommand) parsed.subcommand().commandSpec().userObject()).edge;
    }
}
