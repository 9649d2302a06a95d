package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.facade.Grantsmith;
import io.grantsmith.server.Cli;
import io.grantsmith.server.config.ConfigDefaults;
import io.grantsmith.server.http.EdgeLimits;
import io.grantsmith.server.http.HttpServer;
import io.grantsmith.server.http.TlsIdentity;
import io.grantsmith.store.memory.MemoryStores;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code grantsmith health-check} (the Docker image's HEALTHCHECK) asks the server at the port and with the scheme
 * that serve's own settings name, read from the same environment variables.
 */
class HealthCheckCommandTest {
    private static final String ADMIN_TOKEN = "health-check-admin-token-0123456789abcdefghij";

    @Test
    void whenThePortSettingNamesTheServerThenItIsHealthy() throws Exception {
        try (Served served = serve(null)) {
            Cli.Result result = Cli.run(Map.of("GRANTSMITH_HOST", "0.0.0.0",
                    "GRANTSMITH_PORT", Integer.toString(served.port())), "health-check");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("healthy: http://127.0.0.1:" + served.port() + "/health");
        }
    }

    @Test
    void whenServeHasATlsSettingThenTheCheckAsksOverHttps() throws Exception {
        try (Served served = serve(TlsIdentity.selfSigned(null, new SecureRandom()))) {
            String port = Integer.toString(served.port());

            Cli.Result https = Cli.run(Map.of("GRANTSMITH_PORT", port, "GRANTSMITH_TLS_SELF_SIGNED", "true"),
                    "health-check");
            Cli.Result plain = Cli.run(Map.of("GRANTSMITH_PORT", port), "health-check");

            assertThat(https.exitCode()).as(https.err()).isZero();
            assertThat(https.out()).contains("https://127.0.0.1:" + port + "/health");
            assertThat(plain.exitCode()).as("plain HTTP to an HTTPS port").isEqualTo(1);
        }
    }

    @Test
    void whenNothingListensThenItIsUnhealthy() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Cli.Result result = Cli.run(Map.of(), "health-check", "--port", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("unhealthy: http://127.0.0.1:" + port + "/health");
    }

    /** Same names, so the same GRANTSMITH_ variables and configuration file keys as serve's. */
    @Test
    void everyOptionIsOneOfServes() throws Exception {
        CommandLine cli = GrantsmithCommand.commandLine(new GrantsmithCommand(ConfigDefaults.load(Map.of(), null), null, false));
        Set<String> serve = names(cli.getSubcommands().get("serve"));

        assertThat(names(cli.getSubcommands().get("health-check"))).isNotEmpty().allSatisfy(option -> assertThat(serve)
                .contains(option));
    }

    private static Set<String> names(CommandLine command) {
        return command.getCommandSpec().options().stream().map(option -> option.longestName())
                .filter(name -> !name.equals("--help") && !name.equals("--version")).collect(Collectors.toSet());
    }

    private static Served serve(TlsIdentity tls) throws Exception {
        Grantsmith grantsmith = Grantsmith.builder().stores(new MemoryStores()).adminToken(ADMIN_TOKEN).build();
        HttpServer server = new HttpServer(grantsmith, "127.0.0.1", 0, EdgeLimits.DEFAULTS, null, false, tls);
        server.start();
        grantsmith.listening((tls == null ? "http" : "https") + "://127.0.0.1:" + server.port());
        return new Served(grantsmith, server);
    }

    private record Served(Grantsmith grantsmith, HttpServer server) implements AutoCloseable {
        int port() {
            return server.port();
        }

        @Override
        public void close() throws Exception {
            server.close();
            grantsmith.close();
        }
    }
}
