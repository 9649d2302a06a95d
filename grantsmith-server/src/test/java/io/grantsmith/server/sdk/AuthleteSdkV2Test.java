package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiException;
import com.authlete.common.dto.Client;
import com.authlete.common.dto.ClientListResponse;
import com.authlete.common.dto.Scope;
import com.authlete.common.dto.Service;
import com.authlete.common.dto.TokenFailRequest;
import com.authlete.common.dto.TokenFailResponse;
import com.authlete.common.dto.TokenIssueRequest;
import com.authlete.common.dto.TokenIssueResponse;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.types.ClientAuthMethod;
import com.authlete.common.types.ClientType;
import com.authlete.common.types.GrantType;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authlete's Java SDK 4.33 on API v2 paths ({@code /api/auth/token…}, {@code /api/client/…},
 * {@code /api/service/get/{apiKey}}) with HTTP Basic API key and secret.
 */
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

    @Test
    void whenClientIsCreatedReadUpdatedListedAndDeletedOnV2ThenEachStepIsVisible() {
        ServiceRef mine = SERVER.service("");
        AuthleteApi sdk = AuthleteSdk.v2(SERVER, mine.id(), mine.apiSecret());

        Client created = sdk.createClient(new Client().setClientName("v2 client")
                .setClientType(ClientType.CONFIDENTIAL).setGrantTypes(new GrantType[] {GrantType.CLIENT_CREDENTIALS}));
        assertThat(created.getClientId()).isPositive();
        assertThat(created.getClientSecret()).hasSize(43);
        assertThat(created.getTokenAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);

        Client fetched = sdk.getClient(created.getClientId());
        assertThat(fetched.getClientName()).isEqualTo("v2 client");
        assertThat(fetched.getClientSecret()).isEqualTo(created.getClientSecret());

        Client updated = sdk.updateClient(fetched.setClientName("renamed").setTokenAuthMethod(
                ClientAuthMethod.CLIENT_SECRET_POST));
        assertThat(updated.getClientName()).isEqualTo("renamed");
        assertThat(updated.getClientSecret()).isEqualTo(created.getClientSecret());
        assertThat(sdk.getClient(created.getClientId()).getTokenAuthMethod())
                .isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);

        ClientListResponse list = sdk.getClientList();
        assertThat(list.getTotalCount()).isEqualTo(1);
        assertThat(list.getClients()).extracting(Client::getClientId).containsExactly(created.getClientId());
        assertThat(AuthleteSdk.v3(SERVER, mine.id(), mine.apiSecret()).getClient(created.getClientId())
                .getClientName()).as("the same client on v3").isEqualTo("renamed");

        sdk.deleteClient(created.getClientId());
        assertThat(sdk.getClientList().getTotalCount()).isZero();
        assertThatThrownBy(() -> sdk.getClient(created.getClientId()))
                .isInstanceOfSatisfying(AuthleteApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("A192202");
                });
    }

    @Test
    void whenServiceIsReadOnV2ThenItsDocumentComesBackWithoutTheSecret() {
        Service fetched = api.getService(service.id());

        assertThat(fetched.getApiKey()).isEqualTo(service.id());
        assertThat(fetched.getApiSecret()).isNull();
        assertThat(fetched.getSupportedScopes()).extracting(Scope::getName).containsExactly("read", "write");
    }

    @Test
    void whenV2ManagementCredentialsAreWrongThenTheSdkGets401() {
        ServiceRef other = SERVER.service("");
        AuthleteApi wrong = AuthleteSdk.v2(SERVER, service.id(), "wrong");
        AuthleteApi otherService = AuthleteSdk.v2(SERVER, other.id(), other.apiSecret());

        assertThatThrownBy(() -> wrong.getClientList()).isInstanceOfSatisfying(AuthleteApiException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(401));
        assertThatThrownBy(() -> otherService.getService(service.id()))
                .isInstanceOfSatisfying(AuthleteApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("A001292");
                });
        assertThatThrownBy(() -> otherService.getClient(Long.parseLong(client.id())))
                .isInstanceOfSatisfying(AuthleteApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("A192202");
                });
    }
}
