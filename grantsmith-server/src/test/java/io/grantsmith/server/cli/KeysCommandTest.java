package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.Cli;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grantsmith keys list|rotate} on a fresh SQLite data directory. */
class KeysCommandTest {
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @TempDir
    Path data;

    private String createService() {
        Cli.Result result = Cli.run(NO_ENVIRONMENT, "service", "create", "--data", data.toString(), "--name", "k");
        assertThat(result.exitCode()).isZero();
        return Json.parse(result.out()).get("apiKey").asText();
    }

    @Test
    void whenKeysAreListedAndRotatedThenStatesArePrintedAndTheServerPublishesTheNewKeys() {
        String service = createService();

        Cli.Result listed = Cli.run(NO_ENVIRONMENT, "keys", "list", "--data", data.toString(), "--service", service);
        Cli.Result rotated = Cli.run(NO_ENVIRONMENT, "keys", "rotate", "--data", data.toString(), "--service",
                service, "--alg", "ES256");

        assertThat(listed.exitCode()).isZero();
        JsonNode before = Json.parse(listed.out()).get("keys");
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("alg").asText()).isEqualTo("RS256");
        assertThat(before.get(0).get("state").asText()).isEqualTo("CURRENT");
        assertThat(listed.out()).doesNotContain("\"d\"");
        assertThat(rotated.exitCode()).isZero();
        JsonNode after = Json.parse(rotated.out()).get("keys");
        assertThat(after.findValuesAsText("state")).containsExactly("CURRENT", "CURRENT", "NEXT");
        assertThat(after.findValuesAsText("alg")).containsExactlyInAnyOrder("RS256", "ES256", "ES256");
        try (HttpFixture server = HttpFixture.startedOn(data, null)) {
            Reply jwks = server.get("/as/" + service + "/jwks").send();
            assertThat(jwks.status()).isEqualTo(200);
            assertThat(jwks.json().get("keys").findValuesAsText("kid"))
                    .containsExactlyInAnyOrderElementsOf(after.findValuesAsText("kid"));
        }
    }

    @Test
    void whenAlgorithmOrServiceIsUnknownThenTheCommandFailsWithTheReason() {
        Cli.Result badAlg = Cli.run(NO_ENVIRONMENT, "keys", "rotate", "--data", data.toString(), "--service", "123",
                "--alg", "HS256");
        Cli.Result noService = Cli.run(NO_ENVIRONMENT, "keys", "list", "--data", data.toString(), "--service", "123");

        assertThat(badAlg.exitCode()).isEqualTo(2);
        assertThat(badAlg.err()).contains("--alg").contains("RS256, PS256, ES256, EdDSA");
        assertThat(noService.exitCode()).isEqualTo(1);
        assertThat(noService.err()).contains("A192201");
    }
}
