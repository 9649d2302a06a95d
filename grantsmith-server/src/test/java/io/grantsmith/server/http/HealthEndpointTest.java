package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.BrokenStores;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /health} (readiness) and {@code /health/live} (liveness): no credentials, no details, not cached. */
class HealthEndpointTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    @RegisterExtension
    static final HttpFixture UNHEALTHY = HttpFixture.over(BrokenStores.unhealthy());

    @Test
    void whenStoreIsUpThen200StatusUp() {
        Reply reply = SERVER.get("/health").send().assertJson(200);

        assertThat(reply.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void whenProbedWithHeadThenTheStatusWithoutABody() {
        Reply up = SERVER.call("HEAD", "/health").send();
        Reply down = UNHEALTHY.call("HEAD", "/health").send();

        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body()).isEmpty();
        assertThat(down.status()).isEqualTo(503);
    }

    @Test
    void whenStoreCannotServeThen503StatusDown() {
        Reply reply = UNHEALTHY.get("/health").send().assertJson(503);

        assertThat(reply.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void whenStoreCannotServeThenLivenessStill200() {
        Reply down = UNHEALTHY.get("/health/live").send().assertJson(200);
        Reply up = SERVER.get("/health/live").send().assertJson(200);

        assertThat(down.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(down.header("Cache-Control")).isEqualTo("no-store");
        assertThat(UNHEALTHY.call("HEAD", "/health/live").send().status()).isEqualTo(200);
    }
}
