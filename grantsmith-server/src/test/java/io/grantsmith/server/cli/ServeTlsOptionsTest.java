package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.Cli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s TLS and session options are checked before the server starts, with messages naming them. */
class ServeTlsOptionsTest {
    @TempDir
    Path data;

    @Test
    void whenTheCertificateComesWithoutItsKeyThenServeRefusesToStart() {
        Cli.Result result = Cli.run(Map.of(), "serve", "--data", data.toString(), "--port", "0",
                "--tls-cert", data.resolve("cert.pem").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("--tls-cert and --tls-key go together");
    }

    @Test
    void whenSelfSignedAndFilesAreBothGivenThenServeRefusesToStart() {
        Cli.Result result = Cli.run(Map.of(), "serve", "--data", data.toString(), "--port", "0", "--tls-self-signed",
                "--tls-cert", "a.pem", "--tls-key", "b.pem");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("exclude each other");
    }

    @Test
    void whenTheCertificateFileIsMissingThenServeRefusesToStartNamingIt() {
        Cli.Result result = Cli.run(Map.of(), "serve", "--data", data.toString(), "--port", "0",
                "--tls-cert", data.resolve("missing-cert.pem").toString(), "--tls-key",
                data.resolve("missing-key.pem").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("missing-cert.pem");
    }

    @Test
    void whenTheSessionLifetimeIsOutOfRangeThenServeRefusesToStart() {
        Cli.Result result = Cli.run(Map.of(), "serve", "--data", data.toString(), "--port", "0",
                "--session-lifetime", "0");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("--session-lifetime");
    }
}
