package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code grantsmith serve} as a process: settings that only the environment or the configuration file carry. */
class ServeProcessTest {
    private static final String METRICS_TOKEN = "process-metrics-token-0123456789abcdef";

    @TempDir
    Path data;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a child JVM may take up to 90 s to start on a loaded machine
    void whenMetricsTokenComesFromTheEnvironmentThenTheServerAcceptsItOnMetricsOnly() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of("GRANTSMITH_METRICS_TOKEN", METRICS_TOKEN))) {
            HttpTarget http = server.http();

            assertThat(http.get("/metrics").bearer(METRICS_TOKEN).send().status()).isEqualTo(200);
            http.get("/api/service/get/list").bearer(METRICS_TOKEN).send().assertApiFailure(401, "A001292");
            assertThat(server.log()).doesNotContain(METRICS_TOKEN);
        }
    }
}
