package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture.ClientRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is killed (SIGKILL) while requests are in flight and started again on the same data directory:
 * every token whose response reached the client must still work, and the admin token, services and clients
 * must have survived. A response is sent only after its batch commits, so nothing acknowledged may be lost.
 */
class ProcessDurabilityTest {
    private static final int IN_FLIGHT = 24;
    private static final int RECEIVED_BEFORE_KILL = 6;
    /** Bounds each wait for the child JVM's answers: generous for a loaded CI machine (47 s was seen). */
    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path data;

    @Test
    @Timeout(value = 480, unit = TimeUnit.SECONDS) // two starts and two waits of at most 90 s each, and requests
    void whenServerIsKilledThenEveryAcknowledgedRefreshTokenStillWorksAfterARestart() throws Exception {
        String adminToken;
        long serviceId;
        String apiSecret;
        ClientRef client;
        List<String> acknowledged = new ArrayList<>();
        ConcurrentLinkedQueue<String> acknowledgedInFlight = new ConcurrentLinkedQueue<>();
        try (ServerProcess first = ServerProcess.start(data)) {
            adminToken = first.generatedAdminToken().orElseThrow(() -> new AssertionError(first.log()));
            assertThat(first.log()).as("the server's log stream").doesNotContain(adminToken);
            HttpTarget http = first.http();
            JsonNode service = http.post("/api/service/create").bearer(adminToken)
                    .json("{\"serviceName\":\"durable\",\"supportedScopes\":[{\"name\":\"read\"}]}").send()
                    .assertJson(200).json();
            serviceId = service.get("apiKey").asLong();
            apiSecret = service.get("apiSecret").asText();
            JsonNode created = http.post("/api/" + serviceId + "/client/create").bearer(apiSecret)
                    .json("{\"grantTypes\":[\"CLIENT_CREDENTIALS\",\"PASSWORD\",\"REFRESH_TOKEN\"]}").send()
                    .assertJson(200).json();
            client = new ClientRef(created.get("clientId").asText(), created.get("clientSecret").asText());
            Grants grants = new Grants(http, serviceId, apiSecret, client);
            for (int i = 0; i < 3; i++) {
                Reply refreshed = grants.refresh(grants.passwordGrant().join()).assertNoStore(200);
                acknowledged.add(refreshed.text("refresh_token"));
            }

            CountDownLatch received = new CountDownLatch(RECEIVED_BEFORE_KILL);
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                inFlight.add(grants.passwordGrant().thenAccept(refreshToken -> {
                    acknowledgedInFlight.add(refreshToken);
                    received.countDown();
                }));
                inFlight.add(grants.clientCredentials());
            }
            assertThat(received.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("responses before the kill").isTrue();
            first.kill();
            CompletableFuture.allOf(inFlight.stream().map(f -> f.handle((v, e) -> null))
                    .toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        acknowledged.addAll(acknowledgedInFlight);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3 + RECEIVED_BEFORE_KILL);

        try (ServerProcess second = ServerProcess.start(data)) {
            HttpTarget http = second.http();
            assertThat(second.generatedAdminToken()).isEmpty();
            assertThat(http.get("/api/service/get/list").bearer(adminToken).send().assertJson(200).json()
                    .get("services").findValuesAsText("apiKey")).contains(Long.toString(serviceId));
            assertThat(http.get("/api/" + serviceId + "/client/get/" + client.id()).bearer(apiSecret).send()
                    .assertJson(200).text("clientSecret")).isEqualTo(client.secret());
            Grants grants = new Grants(http, serviceId, apiSecret, client);
            for (String refreshToken : acknowledged) {
                grants.refresh(refreshToken).assertNoStore(200);
            }
        }
    }

    /** Token requests of one client: password grants through the API (token + issue), refreshes at /as. */
    private record Grants(HttpTarget http, long serviceId, String apiSecret, ClientRef client) {
        CompletableFuture<String> passwordGrant() {
            return http.post("/api/" + serviceId + "/auth/token").bearer(apiSecret)
                    .json(HttpFixture.tokenRequest("grant_type=password&username=u&password=p", client, ""))
                    .sendAsync()
                    .thenCompose(ticket -> http.post("/api/" + serviceId + "/auth/token/issue").bearer(apiSecret)
                            .json("{\"ticket\":\"" + ticket.assertAction("PASSWORD", "A051001").text("ticket")
                                    + "\",\"subject\":\"u\"}").sendAsync())
                    .thenApply(issued -> issued.assertAction("OK", "A054001").text("refreshToken"));
        }

        CompletableFuture<Reply> clientCredentials() {
            return http.post("/as/" + serviceId + "/token").basic(client.id(), client.secret())
                    .form("grant_type=client_credentials").sendAsync();
        }

        Reply refresh(String refreshToken) {
            return http.post("/as/" + serviceId + "/token").basic(client.id(), client.secret())
                    .form("grant_type=refresh_token&refresh_token=" + refreshToken).send();
        }
    }
}
