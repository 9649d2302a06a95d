package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiException;
import com.authlete.common.dto.TokenFailRequest;
import com.authlete.common.dto.TokenFailResponse;
import com.authlete.common.dto.TokenIssueRequest;
import com.authlete.common.dto.TokenIssueResponse;
import com.authlete.common.dto.TokenResponse;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authlete's Java SDK 4.33 on API v2 paths ({@code /api/auth/token…}) with HTTP Basic API key and secret. */
class AuthleteSdkV2Test {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;
    private static AuthleteApi api;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
        api = AuthleteSdk.v2(SERVER, service.id(), service.apiSecret());
    }

    @Test
    void whenClientCredentialsAreRightThenV2TokenIsOk() {
        TokenResponse response = api.token(AuthleteSdk.tokenRequest("grant_type=client_credentials", client));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(response.getResultCode()).isEqualTo("A052001");
        assertThat(response.getClientId()).isEqualTo(Long.parseLong(client.id()));
        assertThat(response.getScopes()).containsExactly("read");
    }

    @Test
    void whenPasswordGrantIsFinishedWithIssueThenV2IssueIsOk() {
        TokenResponse password = api.token(AuthleteSdk.tokenRequest(
                "grant_type=password&username=bob&password=pw", client));
        assertThat(password.getAction()).isEqualTo(TokenResponse.Action.PASSWORD);

        TokenIssueResponse issued = api.tokenIssue(new TokenIssueRequest().setTicket(password.getTicket())
                .setSubject("bob"));

        assertThat(issued.getAction()).isEqualTo(TokenIssueResponse.Action.OK);
        assertThat(issued.getRefreshToken()).isNotBlank();
        assertThat(Json.parse(issued.getResponseContent()).get("access_token").asText())
                .isEqualTo(issued.getAccessToken());
    }

    @Test
    void whenPasswordGrantIsFinishedWithFailThenV2FailIsBadRequest() {
        TokenResponse password = api.token(AuthleteSdk.tokenRequest(
                "grant_type=password&username=bob&password=wrong", client));

        TokenFailResponse failed = api.tokenFail(new TokenFailRequest().setTicket(password.getTicket())
                .setReason(TokenFailRequest.Reason.INVALID_RESOURCE_OWNER_CREDENTIALS));

        assertThat(failed.getAction()).isEqualTo(TokenFailResponse.Action.BAD_REQUEST);
        assertThat(failed.getResultCode()).isEqualTo("A067301");
    }

    @Test
    void whenTicketIsUsedTwiceThenV2IssueAnswersInternalServerError() {
        TokenResponse password = api.token(AuthleteSdk.tokenRequest(
                "grant_type=password&username=bob&password=pw", client));
        TokenIssueRequest issue = new TokenIssueRequest().setTicket(password.getTicket()).setSubject("bob");
        api.tokenIssue(issue);

        TokenIssueResponse second = api.tokenIssue(issue);

        assertThat(second.getAction()).isEqualTo(TokenIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(second.getResultCode()).isEqualTo("A061301");
    }

    @Test
    void whenApiSecretIsWrongThenV2CallFailsWith401() {
        AuthleteApi wrong = AuthleteSdk.v2(SERVER, service.id(), "wrong");

        assertThatThrownBy(() -> wrong.token(AuthleteSdk.tokenRequest("grant_type=client_credentials", client)))
                .isInstanceOfSatisfying(AuthleteApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("A001292");
                });
    }
}
