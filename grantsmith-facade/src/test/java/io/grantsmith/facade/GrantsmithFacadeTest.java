package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenFailResponse;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Client;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.access.Caller;
import io.grantsmith.facade.manage.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade end to end over the in-memory store: management documents, token calls, wire mapping. */
class GrantsmithFacadeTest {
    private final FacadeFixture fixture = new FacadeFixture();
    private final Grantsmith grantsmith = fixture.grantsmith;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void whenServiceCreatedThenDefaultsAreFilledAndTheSecretIsShownOnlyOnce() {
        ObjectNode created = grantsmith.services().create(FacadeFixture.json(
                "{\"serviceName\":\"demo\",\"apiKey\":5,\"customSetting\":{\"kept\":true}}"));

        long serviceId = created.get("apiKey").asLong();
        assertThat(serviceId).isBetween(100_000_000_000L, 999_999_999_999L);
        assertThat(created.get("apiSecret").asText()).hasSize(43);
        assertThat(created.get("accessTokenDuration").asLong()).isEqualTo(86_400);
        assertThat(created.get("refreshTokenDuration").asLong()).isEqualTo(864_000);
        assertThat(created.get("accessTokenType").asText()).isEqualTo("Bearer");
        assertThat(created.get("supportedGrantTypes")).extracting(JsonNode::asText)
                .containsExactly("AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "PASSWORD", "REFRESH_TOKEN");
        ObjectNode fetched = grantsmith.services().get(serviceId);
        assertThat(fetched.get("apiSecret").isNull()).isTrue();
        assertThat(fetched.get("customSetting").get("kept").asBoolean()).isTrue();
        assertThat(fetched.get("createdAt").asLong()).isEqualTo(fixture.clock.millis());
    }

    @Test
    void whenClientCreatedWithoutGrantTypesThenItMayRunTheCodeFlowWithRefreshOnly() {
        long serviceId = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"defaults\"}"))
                .get("apiKey").asLong();

        ObjectNode client = grantsmith.clients().create(serviceId, FacadeFixture.json("{\"clientName\":\"web\"}"));

        assertThat(client.get("grantTypes")).extracting(JsonNode::asText)
                .containsExactly("AUTHORIZATION_CODE", "REFRESH_TOKEN");
        Client model = grantsmith.directory().findClient(serviceId, client.get("clientId").asLong()).orElseThrow();
        assertThat(model.mayUse(GrantType.AUTHORIZATION_CODE)).isTrue();
        assertThat(model.mayUse(GrantType.PASSWORD)).isFalse();
        assertThat(grantsmith.tokens().token(serviceId, FacadeFixture.basic("grant_type=client_credentials", client))
                .getResultCode()).isEqualTo("A047302");
    }

    @Test
    void whenServiceDocumentHasWrongTypesOrBadScopesThenCreationFailsWith400() {
        assertFailure(() -> grantsmith.services().create(FacadeFixture.json("{\"accessTokenDuration\":\"soon\"}")),
                ApiResultCode.INVALID_VALUE, "accessTokenDuration");
        assertFailure(() -> grantsmith.services().create(FacadeFixture.json(
                "{\"supportedScopes\":[{\"name\":\"has space\"}]}")), ApiResultCode.INVALID_VALUE, "supportedScopes");
        assertFailure(() -> grantsmith.services().create(FacadeFixture.json(
                "{\"supportedScopes\":[{\"name\":\"a\"},{\"name\":\"a\"}]}")), ApiResultCode.INVALID_VALUE, "twice");
        assertFailure(() -> grantsmith.services().create(FacadeFixture.json(
                "{\"supportedGrantTypes\":[\"TELEPATHY\"]}")), ApiResultCode.INVALID_VALUE, "supportedGrantTypes");
        assertFailure(() -> grantsmith.services().create(FacadeFixture.json("{\"refreshTokenDuration\":-1}")),
                ApiResultCode.INVALID_VALUE, "negative");
    }

    @Test
    void whenServiceUpdatedThenTheDocumentIsReplacedAndTheEngineSeesItAtOnce() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");

        grantsmith.services().update(serviceId, FacadeFixture.json(
                "{\"serviceName\":\"renamed\",\"accessTokenDuration\":60,\"supportedScopes\":[{\"name\":\"read\"}]}"));
        TokenResponse response = grantsmith.tokens().token(serviceId,
                FacadeFixture.basic("grant_type=client_credentials&scope=read", client));

        assertThat(grantsmith.services().get(serviceId).get("serviceName").asText()).isEqualTo("renamed");
        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(response.getAccessTokenDuration()).isEqualTo(60);
    }

    @Test
    void whenClientCreatedThenIdAndSecretAreGeneratedAndGetReturnsThem() {
        long serviceId = fixture.service("").get("apiKey").asLong();

        ObjectNode created = fixture.client(serviceId, "\"clientName\":\"app\",\"clientId\":1,"
                + "\"clientSecret\":\"chosen\",\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");

        long clientId = created.get("clientId").asLong();
        assertThat(clientId).isGreaterThan(10_000_000_000_000L).isLessThan(1L << 53);
        assertThat(created.get("clientSecret").asText()).hasSize(43).isNotEqualTo("chosen");
        assertThat(created.get("clientType").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(created.get("tokenAuthMethod").asText()).isEqualTo("CLIENT_SECRET_BASIC");
        ObjectNode fetched = grantsmith.clients().get(serviceId, Long.toString(clientId));
        assertThat(fetched.get("clientSecret").asText()).isEqualTo(created.get("clientSecret").asText());
        assertThat(fetched.get("clientName").asText()).isEqualTo("app");
    }

    @Test
    void whenPublicClientCreatedThenItHasNoSecretAndUsesNone() {
        long serviceId = fixture.service("").get("apiKey").asLong();

        ObjectNode created = fixture.client(serviceId, "\"clientType\":\"PUBLIC\"");

        assertThat(created.get("clientSecret").isNull()).isTrue();
        assertThat(created.get("tokenAuthMethod").asText()).isEqualTo("NONE");
    }

    @Test
    void whenAliasIsTakenOrNumericThenClientCreationFails() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        fixture.client(serviceId, "\"clientIdAlias\":\"web\"");

        assertFailure(() -> fixture.client(serviceId, "\"clientIdAlias\":\"web\""), ApiResultCode.ALIAS_TAKEN, "web");
        assertFailure(() -> fixture.client(serviceId, "\"clientIdAlias\":\"12345\""), ApiResultCode.INVALID_VALUE,
                "digits");
    }

    @Test
    void whenClientDeletedThenItCannotGetTokensAnyMore() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");

        grantsmith.clients().delete(serviceId, client.get("clientId").asText());
        TokenResponse response = grantsmith.tokens().token(serviceId,
                FacadeFixture.basic("grant_type=client_credentials", client));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(response.getClientId()).isZero();
        assertFailure(() -> grantsmith.clients().get(serviceId, client.get("clientId").asText()),
                ApiResultCode.CLIENT_NOT_FOUND, client.get("clientId").asText());
    }

    @Test
    void whenIdentifiedClientFailsAuthenticationThenInvalidClientStillReportsItsAuthMethod() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"],"
                + "\"tokenAuthMethod\":\"CLIENT_SECRET_POST\"");
        String clientId = client.get("clientId").asText();

        TokenResponse wrongSecret = grantsmith.tokens().token(serviceId, new TokenRequest().setParameters(
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=wrong"));
        TokenResponse unknown = grantsmith.tokens().token(serviceId, new TokenRequest().setParameters(
                "grant_type=client_credentials&client_id=123&client_secret=wrong"));

        assertThat(wrongSecret.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(wrongSecret.getResultCode()).isEqualTo("A157305");
        assertThat(wrongSecret.getClientId()).isEqualTo(client.get("clientId").asLong());
        assertThat(wrongSecret.getClientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(unknown.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(unknown.getClientAuthMethod()).as("not identified").isNull();
    }

    @Test
    void whenClientsListedThenPagesFollowStartAndEnd() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        for (int i = 0; i < 7; i++) {
            fixture.client(serviceId, "\"clientName\":\"c" + i + "\"");
        }

        ObjectNode firstPage = grantsmith.clients().list(serviceId, Paging.of(null, null));
        ObjectNode secondPage = grantsmith.clients().list(serviceId, Paging.of(5, 10));

        assertThat(firstPage.get("totalCount").asInt()).isEqualTo(7);
        assertThat(firstPage.get("clients")).hasSize(5);
        assertThat(secondPage.get("clients")).hasSize(2);
        assertThat(secondPage.get("start").asInt()).isEqualTo(5);
    }

    @Test
    void whenClientCredentialsSucceedThenTheResponseIsAuthleteShaped() throws Exception {
        long serviceId = fixture.service(",\"attributes\":[{\"key\":\"region\",\"value\":\"eu\"}]").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"],"
                + "\"attributes\":[{\"key\":\"tier\",\"value\":\"gold\"}]");
        TokenRequest request = FacadeFixture.basic("grant_type=client_credentials&scope=write", client)
                .setProperties(new io.grantsmith.api.dto.Property[] {
                        new io.grantsmith.api.dto.Property().setKey("shown").setValue("1"),
                        new io.grantsmith.api.dto.Property().setKey("kept").setValue("2").setHidden(true)});

        TokenResponse response = grantsmith.tokens().token(serviceId, request);

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(response.getResultCode()).isEqualTo("A052001");
        assertThat(response.getResultMessage()).startsWith("[A052001] ");
        assertThat(response.getGrantType()).isEqualTo(GrantType.CLIENT_CREDENTIALS);
        assertThat(response.getClientId()).isEqualTo(client.get("clientId").asLong());
        assertThat(response.getClientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(response.getSubject()).isNull();
        assertThat(response.getRefreshToken()).isNull();
        assertThat(response.getScopes()).containsExactly("write");
        assertThat(response.getAccessTokenExpiresAt()).isEqualTo(fixture.clock.millis() + 86_400_000L);
        assertThat(response.getServiceAttributes()[0].getValue()).isEqualTo("eu");
        assertThat(response.getClientAttributes()[0].getValue()).isEqualTo("gold");
        assertThat(response.getProperties()).hasSize(2);
        JsonNode content = FacadeFixture.parse(response.getResponseContent());
        assertThat(content.get("access_token").asText()).isEqualTo(response.getAccessToken());
        assertThat(content.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(content.get("expires_in").isIntegralNumber()).isTrue();
        assertThat(content.get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(content.get("scope").asText()).isEqualTo("write");
        assertThat(content.get("shown").asText()).isEqualTo("1");
        assertThat(content.has("kept")).isFalse();
        assertThat(content.has("refresh_token")).isFalse();
    }

    @Test
    void whenNoScopeIsGrantedThenTheTokenResponseHasNoScopeMemberRatherThanNull() {
        long serviceId = grantsmith.services().create(FacadeFixture.json("{}")).get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");

        TokenResponse response = grantsmith.tokens().token(serviceId,
                FacadeFixture.basic("grant_type=client_credentials", client));

        assertThat(FacadeFixture.parse(response.getResponseContent()).has("scope")).isFalse();
        assertThat(response.getScopes()).isNull();
    }

    @Test
    void whenRequestIsRefusedThenResponseContentIsAnOAuthErrorShapedByServiceFlags() {
        long plain = fixture.service("").get("apiKey").asLong();
        long terse = fixture.service(",\"errorDescriptionOmitted\":true,\"errorUriOmitted\":true").get("apiKey").asLong();

        TokenResponse verbose = grantsmith.tokens().token(plain, new TokenRequest().setParameters("grant_type=magic"));
        TokenResponse quiet = grantsmith.tokens().token(terse, new TokenRequest().setParameters("grant_type=magic"));

        assertThat(verbose.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        JsonNode content = FacadeFixture.parse(verbose.getResponseContent());
        assertThat(content.get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(content.get("error_description").asText()).startsWith("[A049304] ");
        assertThat(content.get("error_uri").asText()).isEqualTo("https://docs.authlete.com/#A049304");
        assertThat(FacadeFixture.parse(quiet.getResponseContent()).fieldNames())
                .toIterable().containsExactly("error");
        assertThat(verbose.getClientId()).isZero();
    }

    @Test
    void whenPasswordGrantIsIssuedThenTheIssueResponseCarriesTokensAndRefreshScopes() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"PASSWORD\",\"REFRESH_TOKEN\"]");
        TokenResponse password = grantsmith.tokens().token(serviceId,
                FacadeFixture.basic("grant_type=password&username=alice&password=pw&scope=read%20write", client));

        TokenIssueResponse issued = grantsmith.tokens().issue(serviceId,
                new TokenIssueRequest().setTicket(password.getTicket()).setSubject("user-1"));

        assertThat(password.getAction()).isEqualTo(TokenResponse.Action.PASSWORD);
        assertThat(password.getResponseContent()).isNull();
        assertThat(password.getUsername()).isEqualTo("alice");
        assertThat(issued.getAction()).isEqualTo(TokenIssueResponse.Action.OK);
        assertThat(issued.getResultCode()).isEqualTo("A054001");
        assertThat(issued.getSubject()).isEqualTo("user-1");
        assertThat(issued.getRefreshToken()).isNotNull();
        assertThat(issued.getRefreshTokenScopes()).containsExactly("read", "write");
        assertThat(issued.getClientId()).isEqualTo(client.get("clientId").asLong());
        assertThat(FacadeFixture.parse(issued.getResponseContent()).get("refresh_token").asText())
                .isEqualTo(issued.getRefreshToken());
    }

    @Test
    void whenPasswordGrantFailsThenTheFailResponseIsBadRequestWithInvalidRequest() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"PASSWORD\"]");
        TokenResponse password = grantsmith.tokens().token(serviceId,
                FacadeFixture.basic("grant_type=password&username=alice&password=pw", client));

        TokenFailResponse failed = grantsmith.tokens().fail(serviceId, new TokenFailRequest()
                .setTicket(password.getTicket()).setReason(TokenFailRequest.Reason.INVALID_RESOURCE_OWNER_CREDENTIALS));

        assertThat(failed.getAction()).isEqualTo(TokenFailResponse.Action.BAD_REQUEST);
        assertThat(failed.getResultCode()).isEqualTo("A067301");
        assertThat(FacadeFixture.parse(failed.getResponseContent()).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void whenServiceIsUnknownThenTokenCallsFailWith404() {
        assertFailure(() -> grantsmith.tokens().token(123, new TokenRequest().setParameters("grant_type=password")),
                ApiResultCode.SERVICE_NOT_FOUND, "123");
    }

    @Test
    void whenUsersAuthenticateThenOnlyTheRightPasswordYieldsTheSubject() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        grantsmith.users().add(serviceId, "alice", "correct horse", "user-1", false);

        assertThat(grantsmith.users().authenticate(serviceId, "alice", "correct horse")).contains("user-1");
        assertThat(grantsmith.users().authenticate(serviceId, "alice", "wrong")).isEmpty();
        assertThat(grantsmith.users().authenticate(serviceId, "bob", "correct horse")).isEmpty();
        assertThat(grantsmith.users().add(serviceId, "alice", "x", null, false)).isFalse();
        assertThat(grantsmith.users().add(serviceId, "alice", "new", null, true)).isTrue();
        assertThat(grantsmith.users().authenticate(serviceId, "alice", "new")).contains("alice");
        assertFailure(() -> grantsmith.users().add(serviceId, "ünïcode", "pw", null, false),
                ApiResultCode.INVALID_VALUE, "subject");
        // an empty subject would be stored, and every token issue for the user would then fail
        assertFailure(() -> grantsmith.users().add(serviceId, "carol", "pw", "", false),
                ApiResultCode.INVALID_VALUE, "subject");
    }

    @Test
    void whenApiCredentialsArePresentedThenAdminAndServiceSecretsAreToldApart() {
        ObjectNode service = fixture.service("");
        long serviceId = service.get("apiKey").asLong();
        String secret = service.get("apiSecret").asText();

        assertThat(grantsmith.access().bearer(FacadeFixture.ADMIN_TOKEN, null).admin()).isTrue();
        assertThat(grantsmith.access().bearer(secret, serviceId)).isEqualTo(Caller.service(serviceId));
        assertFailure(() -> grantsmith.access().bearer(secret, serviceId + 1), ApiResultCode.CREDENTIALS_INVALID, "");
        assertThat(grantsmith.access().keyAndSecret(Long.toString(serviceId), secret).serviceId()).isEqualTo(serviceId);
        assertFailure(() -> grantsmith.access().bearer(secret, null), ApiResultCode.CREDENTIALS_INVALID, "");
        assertFailure(() -> grantsmith.access().bearer("nope", serviceId), ApiResultCode.CREDENTIALS_INVALID, "");
        assertFailure(() -> grantsmith.access().keyAndSecret("abc", secret), ApiResultCode.CREDENTIALS_INVALID, "");
    }

    @Test
    void whenClientUpdatedThroughTheFacadeThenTheEngineSeesItAtOnce() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, "\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");
        long clientId = client.get("clientId").asLong();
        assertThat(grantsmith.tokens().token(serviceId, FacadeFixture.basic("grant_type=client_credentials", client))
                .getAction()).isEqualTo(TokenResponse.Action.OK);

        grantsmith.clients().update(serviceId, clientId, FacadeFixture.json("{\"grantTypes\":[\"PASSWORD\"]}"));

        assertThat(grantsmith.tokens().token(serviceId, FacadeFixture.basic("grant_type=client_credentials", client))
                .getResultCode()).isEqualTo("A047302");
    }

    private static void assertFailure(Runnable call, ApiResultCode code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.resultMessage("/x")).contains(messagePart);
        });
    }
}
