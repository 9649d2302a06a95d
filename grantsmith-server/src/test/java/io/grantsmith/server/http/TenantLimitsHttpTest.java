package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.facade.limits.IssuanceRate;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-service limits over HTTP: 429 with Retry-After at both token endpoints, 403 for one client too many. */
class TenantLimitsHttpTest {
    /** One token per hour per service, so that the second request within a test is always over the limit. */
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite(Clock.systemUTC(), builder -> builder
            .issuanceRate(new IssuanceRate(1, Duration.ofHours(1)))
            .maxClientsPerService(2));

    @Test
    void whenServiceIsOverItsIssuanceRateThenAsAnswers429WithRetryAfter() {
        ServiceRef service = SERVER.service("");
        ClientRef client = SERVER.client(service, "");
        SERVER.asToken(service, new ClientRef(client.id(), "wrong"), "grant_type=client_credentials")
                .assertOAuthError(401, "invalid_client", "A157305"); // refused before it could spend the allowance
        SERVER.asToken(service, client, "grant_type=client_credentials").assertNoStore(200);

        Reply limited = SERVER.asToken(service, client, "grant_type=client_credentials")
                .assertOAuthError(429, "temporarily_unavailable", "A191207")
                .assertNoChallenge();

        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(3_500L, 3_600L);
        assertThat(limited.text("error_description")).isEqualTo("[A191207] /as/token, The service has reached its "
                + "token issuance limit; retry in " + retryAfter + " seconds.");
    }

    @Test
    void whenServiceIsOverItsIssuanceRateThenTheApiAnswers429WithAnAuthleteShapedBody() {
        ServiceRef service = SERVER.service("");
        ClientRef client = SERVER.client(service, "");
        SERVER.apiToken(service, client, "grant_type=client_credentials").assertAction("OK", "A052001");

        Reply limited = SERVER.apiToken(service, client, "grant_type=client_credentials")
                .assertApiFailure(429, "A191207");

        assertThat(limited.header("Retry-After")).matches("3[56]\\d\\d");
        assertThat(limited.text("resultMessage")).startsWith("[A191207] /auth/token, The service has reached its "
                + "token issuance limit; retry in ");
        assertThat(limited.json().size()).isEqualTo(2);
    }

    @Test
    void whenServiceHasAsManyClientsAsAllowedThenClientCreateAnswers403() {
        ServiceRef service = SERVER.service("");
        SERVER.client(service, "");
        SERVER.client(service, "");

        Reply refused = SERVER.post(service.path("/client/create")).bearer(service.apiSecret())
                .json("{\"clientName\":\"one too many\"}").send()
                .assertApiFailure(403, "A192205");

        assertThat(refused.text("resultMessage")).isEqualTo("[A192205] /client/create, The service already has 2 "
                + "clients, the most a service may have.");
    }
}
