package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics}: Prometheus text behind the metrics or admin token, counting what the server answered. */
class MetricsEndpointTest {
    private static final String METRICS_TOKEN = "test-metrics-token-0123456789abcdefghij";

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite().metricsToken(METRICS_TOKEN);

    @Test
    void whenTokensWereRequestedThenTheScrapeCountsRequestsActionsAndGroupCommits() {
        HttpFixture.ServiceRef service = SERVER.service("");
        HttpFixture.ClientRef client = SERVER.client(service, "");
        SERVER.asToken(service, client, "grant_type=client_credentials").assertJson(200);
        SERVER.asToken(service, client, "grant_type=password").assertJson(400);
        SERVER.get("/no/such/" + System.nanoTime()).send();

        Reply reply = SERVER.get("/metrics").bearer(HttpFixture.ADMIN_TOKEN).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(reply.body())
                .containsPattern("grantsmith_http_requests_seconds_count\\{method=\"POST\",route=\"/as/token\","
                        + "status=\"200\"} [1-9]")
                .contains("grantsmith_token_actions_total{action=\"OK\",endpoint=\"/as/token\"}")
                .contains("grantsmith_token_actions_total{action=\"BAD_REQUEST\",endpoint=\"/as/token\"}")
                .containsPattern("grantsmith_store_writer_batches_total [1-9]")
                .contains("grantsmith_store_writer_queue ")
                .containsPattern("grantsmith_jose_native_algorithms\\{provider=\"[^\"]+\"\\} [0-9]")
                .contains("jvm_memory_used_bytes")
                .contains("route=\"other\"")
                .doesNotContain("/no/such/");
    }

    @Test
    void whenClientsInventMethodsThenTheyShareOneLabelInsteadOfAddingSeries() {
        for (int i = 0; i < 3; i++) {
            SERVER.call("INVENTED" + i, "/health").send();
            SERVER.call("INVENTED" + i, "/no/such/path").send();
        }

        String scrape = SERVER.get("/metrics").bearer(HttpFixture.ADMIN_TOKEN).send().body();

        assertThat(scrape).doesNotContain("INVENTED")
                .containsPattern("grantsmith_http_requests_seconds_count\\{method=\"OTHER\",route=\"other\","
                        + "status=\"405\"} [3-9]");
    }

    @Test
    void whenCallerHasNoAdminTokenThenTheScrapeIsRefused() {
        HttpFixture.ServiceRef service = SERVER.service("");

        SERVER.get("/metrics").send().assertApiFailure(401, "A001202");
        SERVER.get("/metrics").bearer(service.apiSecret()).send().assertApiFailure(401, "A001292");
    }

    @Test
    void whenScrapedWithTheMetricsTokenThenTheScrapeIsAnswered() {
        Reply reply = SERVER.get("/metrics").bearer(METRICS_TOKEN).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("grantsmith_http_requests_seconds_count");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void whenTheMetricsTokenIsUsedOnTheApiThenEveryCallIsRefused() {
        HttpFixture.ServiceRef service = SERVER.service("");

        SERVER.get("/api/service/get/list").bearer(METRICS_TOKEN).send().assertApiFailure(401, "A001292");
        SERVER.post("/api/service/create").bearer(METRICS_TOKEN).json("{}").send().assertApiFailure(401, "A001292");
        SERVER.get(service.path("/service/get")).bearer(METRICS_TOKEN).send().assertApiFailure(401, "A001292");
        SERVER.get(service.path("/client/get/list")).bearer(METRICS_TOKEN).send().assertApiFailure(401, "A001292");
        SERVER.post(service.path("/auth/token")).bearer(METRICS_TOKEN)
                .json("{\"parameters\":\"grant_type=client_credentials\"}").send().assertApiFailure(401, "A001292");
        SERVER.post(service.path("/service/secret/rotate")).bearer(METRICS_TOKEN).send()
                .assertApiFailure(401, "A001292");
    }

    @Test
    void whenTheMetricsTokenIsShorterThan32CharactersThenTheServerRefusesToStart() {
        assertThatThrownBy(() -> new HttpServer(SERVER.grantsmith(), "127.0.0.1", 0, EdgeLimits.DEFAULTS,
                "only-31-characters-long-0123456", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metrics token has 31 characters; it needs at least 32")
                .hasMessageNotContaining("only-31");
    }
}
