package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics}: Prometheus text behind the admin token, counting what the server answered. */
class MetricsEndpointTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

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
}
