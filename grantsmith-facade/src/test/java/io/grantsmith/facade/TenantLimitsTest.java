package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.limits.IssuanceRate;
import io.grantsmith.facade.manage.Paging;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-service limits, so that one tenant's credentials cannot exhaust what all tenants share. */
class TenantLimitsTest {
    private final FacadeFixture fixture = new FacadeFixture(builder -> builder
            .issuanceRate(new IssuanceRate(2, Duration.ofHours(1)))
            .maxClientsPerService(2));
    private final Grantsmith grantsmith = fixture.grantsmith;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void whenServiceSpendsItsIssuanceRateThenTokenCallsFailWith429AndRetryAfter() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");
        TokenRequest request = FacadeFixture.basic("grant_type=client_credentials", client);

        assertThat(grantsmith.tokens().token(serviceId, request).getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(grantsmith.tokens().answer(serviceId, request).action()).isEqualTo(TokenResponse.Action.OK);
        ApiFailure limited = catchThrowableOfType(ApiFailure.class, () -> grantsmith.tokens().token(serviceId, request));

        assertThat(limited.code()).isEqualTo(ApiResultCode.ISSUANCE_LIMITED);
        assertThat(limited.code().httpStatus()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isBetween(1_799L, 1_800L); // one permit per half hour
        assertThat(limited.resultMessage("/auth/token")).startsWith("[A191207] /auth/token, The service has reached "
                + "its token issuance limit; retry in " + limited.retryAfterSeconds() + " seconds.");
        assertThat(catchThrowableOfType(ApiFailure.class, () -> grantsmith.tokens().answer(serviceId, request)).code())
                .isEqualTo(ApiResultCode.ISSUANCE_LIMITED);
    }

    @Test
    void whenRequestsAreRefusedBeforeProcessingThenTheyDoNotSpendTheServicesAllowance() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");
        TokenRequest wrongSecret = FacadeFixture.basic("grant_type=client_credentials", client).setClientSecret("x");
        TokenRequest unknownClient = new TokenRequest().setParameters("grant_type=client_credentials")
                .setClientId("123").setClientSecret("x");

        for (int i = 0; i < 5; i++) {
            assertThat(grantsmith.tokens().token(serviceId, wrongSecret).getAction())
                    .isEqualTo(TokenResponse.Action.INVALID_CLIENT);
            assertThat(grantsmith.tokens().token(serviceId, unknownClient).getAction())
                    .isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        }

        TokenRequest right = FacadeFixture.basic("grant_type=client_credentials", client);
        assertThat(grantsmith.tokens().token(serviceId, right).getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(grantsmith.tokens().token(serviceId, right).getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void whenOneServiceIsLimitedThenAnotherStillGetsTokens() {
        long busy = fixture.service("").get("apiKey").asLong();
        ObjectNode busyClient = fixture.client(busy, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");
        long quiet = fixture.service("").get("apiKey").asLong();
        ObjectNode quietClient = fixture.client(quiet, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");
        for (int i = 0; i < 2; i++) {
            grantsmith.tokens().token(busy, FacadeFixture.basic("grant_type=client_credentials", busyClient));
        }

        assertThat(grantsmith.tokens().token(quiet, FacadeFixture.basic("grant_type=client_credentials", quietClient))
                .getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void whenServiceHasAsManyClientsAsAllowedThenCreationFailsWith403UntilOneIsDeleted() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode first = fixture.client(serviceId, "");
        fixture.client(serviceId, "");

        ApiFailure refused = catchThrowableOfType(ApiFailure.class, () -> fixture.client(serviceId, ""));

        assertThat(refused.code()).isEqualTo(ApiResultCode.CLIENT_LIMIT_REACHED);
        assertThat(refused.code().httpStatus()).isEqualTo(403);
        assertThat(refused.resultMessage("/client/create")).isEqualTo("[A192205] /client/create, The service "
                + "already has 2 clients, the most a service may have.");
        assertThat(grantsmith.clients().list(serviceId, Paging.of(null, null))
                .get("totalCount").asInt()).isEqualTo(2);
        long otherService = fixture.service("").get("apiKey").asLong();
        assertThat(fixture.client(otherService, "").get("clientId").asLong()).isPositive();

        grantsmith.clients().delete(serviceId, first.get("clientId").asText());
        assertThat(fixture.client(serviceId, "").get("clientId").asLong()).isPositive();
    }
}
