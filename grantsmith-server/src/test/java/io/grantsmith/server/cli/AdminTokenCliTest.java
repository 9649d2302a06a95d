package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.Cli;
import io.grantsmith.server.HttpFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a generated admin token goes (a terminal, or an owner-only file; never the log stream), resetting it beside
 * a running server, and the minimum length of a configured one.
 */
class AdminTokenCliTest {
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();
    /** Far beyond the two seconds a running server trusts a stored hash; the loop ends as soon as it is seen. */
    private static final Duration RECHECK_BOUND = Duration.ofSeconds(15);

    @TempDir
    Path data;

    @Test
    void whenNoOneIsAtATerminalThenTheGeneratedTokenGoesToAnOwnerOnlyFileAndNeverToStdoutOrStderr()
            throws IOException {
        Cli.Result first = Cli.run(NO_ENVIRONMENT, "service", "list", "--data", data.toString());
        Cli.Result second = Cli.run(NO_ENVIRONMENT, "service", "list", "--data", data.toString());

        Path file = data.toAbsolutePath().normalize().resolve("admin-token");
        String token = Files.readString(file).strip();
        assertThat(token).hasSize(43);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.err()).contains("Generated the admin token and wrote it to " + file);
        assertThat(first.err()).doesNotContain(token);
        assertThat(first.out()).doesNotContain(token);
        assertThat(second.err()).doesNotContain("Generated");
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            server.get("/api/service/get/list").bearer(token).send().assertJson(200);
        }
    }

    @Test
    void whenAPersonIsAtATerminalThenTheGeneratedTokenIsShownOnStdoutOnly() {
        Cli.Result result = Cli.runAtTerminal(NO_ENVIRONMENT, "service", "list", "--data", data.toString());

        assertThat(result.exitCode()).isZero();
        String token = result.out().lines().filter(line -> line.matches(" {4}\\S{43}")).findFirst().orElseThrow(
                () -> new AssertionError("no token on stdout: " + result.out())).strip();
        assertThat(result.err()).doesNotContain(token).doesNotContain("Generated");
        assertThat(data.resolve("admin-token")).doesNotExist();
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            server.get("/api/service/get/list").bearer(token).send().assertJson(200);
        }
    }

    @Test
    void whenAdminTokenIsResetThenTheApiAcceptsTheNewTokenAndRefusesTheOld() throws IOException {
        String old = generatedToken();

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
    void whenAdminTokenIsResetBesideARunningServerThenTheServerSwitchesToTheNewTokenWithinSeconds()
            throws Exception {
        String old = generatedToken();
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            server.get("/api/service/get/list").bearer(old).send().assertJson(200);

            Cli.Result reset = Cli.run(NO_ENVIRONMENT, "admin", "reset-token", "--data", data.toString());
            assertThat(reset.exitCode()).isZero();
            String fresh = reset.out().strip();

            long deadline = System.nanoTime() + RECHECK_BOUND.toNanos();
            while (server.get("/api/service/get/list").bearer(fresh).send().status() != 200) {
                assertThat(System.nanoTime()).as("the running server accepts the new token in time")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
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

    @Test
    void whenConfiguredAdminTokenIsShorterThan32CharactersThenCommandsRefuseToRun() throws IOException {
        String shortToken = "only-31-characters-long-0123456";
        Path file = Files.writeString(data.resolve("grantsmith.properties"), "admin-token=" + shortToken + "\n");

        Cli.Result fromEnvironment = Cli.run(Map.of("GRANTSMITH_ADMIN_TOKEN", shortToken), "service", "list",
                "--data", data.resolve("a").toString());
        Cli.Result fromFile = Cli.run(NO_ENVIRONMENT, "service", "list", "--config", file.toString(), "--data",
                data.resolve("b").toString());
        Cli.Result longEnough = Cli.run(Map.of("GRANTSMITH_ADMIN_TOKEN", shortToken + "7"), "service", "list",
                "--data", data.resolve("c").toString());

        for (Cli.Result refused : new Cli.Result[] {fromEnvironment, fromFile}) {
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("the configured admin token has 31 characters; it needs at least 32")
                    .doesNotContain(shortToken);
            assertThat(refused.out()).isEmpty();
        }
        assertThat(longEnough.exitCode()).isZero();
    }

    private String generatedToken() throws IOException {
        assertThat(Cli.run(NO_ENVIRONMENT, "service", "list", "--data", data.toString()).exitCode()).isZero();
        return Files.readString(data.resolve("admin-token")).strip();
    }
}
