package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpTarget;
import io.grantsmith.server.ServerProcess;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code grantsmith serve --port 0} without {@code --public-url}: issuers carry the port the listener got. */
class ServePublicUrlTest {
    @TempDir
    Path data;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a child JVM may take up to 90 s to start on a loaded machine
    void whenServeStartsOnPortZeroThenTheBuiltInIssuerHasTheRealPort() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            String adminToken = server.generatedAdminToken().orElseThrow(() -> new AssertionError(server.log()));
            HttpTarget http = server.http();
            long serviceId = http.post("/api/service/create").bearer(adminToken).json("{\"serviceName\":\"p\"}")
                    .send().assertJson(200).json().get("apiKey").asLong();

            JsonNode document = http.get("/as/" + serviceId + "/.well-known/openid-configuration").send()
                    .assertJson(200).json();

            assertThat(document.get("issuer").asText()).isEqualTo(server.baseUrl() + "/as/" + serviceId)
                    .doesNotContain(":0/");
        }
    }
}
