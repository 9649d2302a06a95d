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

/** Authlete's Java SDK 4.33 ({@code AuthleteApiImplV3}) against a running server: management and token calls. */
class AuthleteSdkV3Test {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;
    private static AuthleteApi api;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
        api = AuthleteSdk.v3(SERVER, service.id(), service.apiSecret());
    }

    @Test
    void whenServiceIsCreatedWithTheAdminTokenThenTheSdkReadsItsApiKeyAndSecret() {
        AuthleteApi admin = AuthleteSdk.v3(SERVER, null, HttpFixture.ADMIN_TOKEN);
        Service request = new Service().setServiceName("sdk service")
                .setSupportedScopes(new Scope[] {new Scope().setName("read").setDefaultEntry(true),
                        new Scope().setName("write")})
                .setSupportedGrantTypes(new GrantType[] {GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD,
                        GrantType.REFRESH_TOKEN})
                .setAccessTokenDuration(600);

        Service created = admin.createService(request);

        assertThat(created.getApiKey()).isPositive();
        assertThat(created.getApiSecret()).hasSize(43);
        assertThat(created.getServiceName()).isEqualTo("sdk service");
        assertThat(created.getAccessTokenDuration()).isEqualTo(600);
        assertThat(created.getSupportedScopes()).extracting(Scope::getName).containsExactly("read", "write");
        assertThat(created.getSupportedGrantTypes())
                .containsExactly(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        AuthleteApi own = AuthleteSdk.v3(SERVER, created.getApiKey(), created.getApiSecret());
        assertThat(own.getService(created.getApiKey()).getServiceName()).isEqualTo("sdk service");
        assertThat(admin.getServiceList(0, 1000).getServices()).extracting(Service::getApiKey)
                .contains(created.getApiKey(), service.id());
    }

    @Test
    void whenServiceIsReadAndUpdatedThroughTheSdkThenChangesStick() {
        ServiceRef mine = SERVER.service("");
        AuthleteApi sdk = AuthleteSdk.v3(SERVER, mine.id(), mine.apiSecret());

        Service fetched = sdk.getService(mine.id());
        assertThat(fetched.getApiKey()).isEqualTo(mine.id());
        assertThat(fetched.getApiSecret()).isNull();
        assertThat(fetched.getCreatedAt()).isPositive();

        Service updated = sdk.updateService(fetched.setServiceName("renamed").setRefreshTokenIdempotent(true)
                .setAccessTokenDuration(120));

        assertThat(updated.getServiceName()).isEqualTo("renamed");
        Service again = sdk.getService(mine.id());
        assertThat(again.getServiceName()).isEqualTo("renamed");
        assertThat(again.isRefreshTokenIdempotent()).isTrue();
        assertThat(again.getAccessTokenDuration()).isEqualTo(120);
        assertThat(again.getSupportedScopes()).extracting(Scope::getName).containsExactly("read", "write");
    }

    @Test
    void whenClientIsCreatedReadUpdatedListedAndDeletedThroughTheSdkThenEachStepIsVisible() {
        ServiceRef mine = SERVER.service("");
        AuthleteApi sdk = AuthleteSdk.v3(SERVER, mine.id(), mine.apiSecret());

        Client created = sdk.createClient(new Client().setClientName("sdk client")
                .setClientType(ClientType.CONFIDENTIAL).setGrantTypes(new GrantType[] {GrantType.CLIENT_CREDENTIALS}));
        assertThat(created.getClientId()).isPositive();
        assertThat(created.getClientSecret()).hasSize(43);
        assertThat(created.getTokenAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);

        Client fetched = sdk.getClient(created.getClientId());
        assertThat(fetched.getClientName()).isEqualTo("sdk client");
        assertThat(fetched.getClientSecret()).isEqualTo(created.getClientSecret());

        Client updated = sdk.updateClient(fetched.setClientName("renamed").setTokenAuthMethod(
                ClientAuthMethod.CLIENT_SECRET_POST));
        assertThat(updated.getClientName()).isEqualTo("renamed");
        assertThat(updated.getClientId()).isEqualTo(created.getClientId());
        assertThat(updated.getClientSecret()).isEqualTo(created.getClientSecret());
        assertThat(sdk.getClient(created.getClientId()).getTokenAuthMethod())
                .isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);

        ClientListResponse list = sdk.getClientList();
        assertThat(list.getTotalCount()).isEqualTo(1);
        assertThat(list.getClients()).extracting(Client::getClientId).containsExactly(created.getClientId());

        sdk.deleteClient(created.getClientId());
        assertThat(sdk.getClientList().getTotalCount()).isZero();
        assertThatThrownBy(() -> sdk.getClient(created.getClientId()))
                .isInstanceOfSatisfying(AuthleteApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("A192202");
                });
    }

    @Test
    void whenClientCredentialsAreRightThenTheSdkParsesAnOkResponse() {
        TokenResponse response = api.token(AuthleteSdk.tokenRequest("grant_type=client_credentials&scope=write",
                client));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(response.getResultCode()).isEqualTo("A052001");
        assertThat(response.getAccessToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(response.getClientId()).isEqualTo(Long.parseLong(client.id()));
        assertThat(response.getScopes()).containsExactly("write");
        assertThat(response.getGrantType()).isEqualTo(GrantType.CLIENT_CREDENTIALS);
        assertThat(response.getClientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(response.getSubject()).isNull();
        assertThat(Json.parse(response.getResponseContent()).get("access_token").asText())
                .isEqualTo(response.getAccessToken());
    }

    @Test
    void whenClientSecretIsWrongThenTheSdkParsesInvalidClient() {
        TokenResponse response = api.token(AuthleteSdk.tokenRequest("grant_type=client_credentials",
                new ClientRef(client.id(), "wrong")));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(response.getResultCode()).isEqualTo("A157305");
        assertThat(Json.parse(response.getResponseContent()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void whenGrantTypeIsUnknownThenTheSdkParsesBadRequest() {
        TokenResponse response = api.token(AuthleteSdk.tokenRequest("grant_type=telepathy", client));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(response.getResultCode()).isEqualTo("A049304");
    }

    @Test
    void whenPasswordGrantIsFinishedWithIssueThenTheSdkGetsTokens() {
        TokenResponse password = api.token(AuthleteSdk.tokenRequest(
                "grant_type=password&username=alice&password=secret&scope=read", client));
        assertThat(password.getAction()).isEqualTo(TokenResponse.Action.PASSWORD);
        assertThat(password.getTicket()).isNotBlank();
        assertThat(password.getUsername()).isEqualTo("alice");
        assertThat(password.getPassword()).isEqualTo("secret");
        assertThat(password.getResponseContent()).isNull();

        TokenIssueResponse issued = api.tokenIssue(new TokenIssueRequest().setTicket(password.getTicket())
                .setSubject("alice-subject"));

        assertThat(issued.getAction()).isEqualTo(TokenIssueResponse.Action.OK);
        assertThat(issued.getResultCode()).isEqualTo("A054001");
        assertThat(issued.getSubject()).isEqualTo("alice-subject");
        assertThat(issued.getAccessToken()).isNotBlank();
        assertThat(issued.getRefreshToken()).isNotBlank();
        assertThat(issued.getClientId()).isEqualTo(Long.parseLong(client.id()));
        assertThat(issued.getScopes()).containsExactly("read");
        assertThat(Json.parse(issued.getResponseContent()).get("refresh_token").asText())
                .isEqualTo(issued.getRefreshToken());
    }

    @Test
    void whenPasswordGrantIsFinishedWithFailThenTheSdkGetsBadRequest() {
        TokenResponse password = api.token(AuthleteSdk.tokenRequest(
                "grant_type=password&username=alice&password=wrong", client));

        TokenFailResponse failed = api.tokenFail(new TokenFailRequest().setTicket(password.getTicket())
                .setReason(TokenFailRequest.Reason.INVALID_RESOURCE_OWNER_CREDENTIALS));

        assertThat(failed.getAction()).isEqualTo(TokenFailResponse.Action.BAD_REQUEST);
        assertThat(failed.getResultCode()).isEqualTo("A067301");
        assertThat(Json.parse(failed.getResponseContent()).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void whenCredentialsAreWrongThenTheSdkThrowsWithTheStatusAndResultCode() {
        AuthleteApi wrong = AuthleteSdk.v3(SERVER, service.id(), "not-the-secret");

        assertThatThrownBy(() -> wrong.token(AuthleteSdk.tokenRequest("grant_type=client_credentials", client)))
                .isInstanceOfSatisfying(AuthleteApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("A001292");
                });
    }
}
