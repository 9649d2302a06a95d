package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.TokenIssueRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.UserInfoIssueRequest;
import com.authlete.common.dto.UserInfoIssueResponse;
import com.authlete.common.dto.UserInfoRequest;
import com.authlete.common.dto.UserInfoResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authlete's Java SDK 4.33 driving userinfo as an authorization server does (Authlete's UserInfoRequestHandler):
 * {@code /auth/userinfo}, then {@code /auth/userinfo/issue} with the claims it collected, on v3 and v2 paths.
 * The token comes from the password grant through the same SDK.
 */
class AuthleteSdkUserInfoTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        ObjectNode created = SERVER.grantsmith().services().create((ObjectNode) Json.parse("{\"serviceName\":\"oidc\","
                + "\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"profile\"},{\"name\":\"email\"}]}"));
        service = new ServiceRef(created.get("apiKey").asLong(), created.get("apiSecret").asText());
        client = SERVER.client(service, "");
    }

    static Stream<Arguments> apis() {
        return Stream.of(Arguments.of("v3", AuthleteSdk.v3(SERVER, service.id(), service.apiSecret())),
                Arguments.of("v2", AuthleteSdk.v2(SERVER, service.id(), service.apiSecret())));
    }

    private static String accessToken(AuthleteApi api, String scope) {
        TokenResponse password = api.token(AuthleteSdk.tokenRequest(
                "grant_type=password&username=alice&password=pw&scope=" + scope, client));
        return api.tokenIssue(new TokenIssueRequest().setTicket(password.getTicket()).setSubject("user-1"))
                .getAccessToken();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void whenTokenIsValidThenUserinfoNamesSubjectAndClaimsAndIssueBuildsTheJsonBody(String version, AuthleteApi api) {
        String token = accessToken(api, "openid+email");

        UserInfoResponse checked = api.userinfo(new UserInfoRequest().setToken(token));

        assertThat(checked.getAction()).isEqualTo(UserInfoResponse.Action.OK);
        assertThat(checked.getResultCode()).isEqualTo("A091001");
        assertThat(checked.getClientId()).isEqualTo(Long.parseLong(client.id()));
        assertThat(checked.getSubject()).isEqualTo("user-1");
        assertThat(checked.getScopes()).containsExactly("openid", "email");
        assertThat(checked.getClaims()).containsExactly("email", "email_verified");
        assertThat(checked.getToken()).isEqualTo(token);
        assertThat(checked.getResponseContent()).isNull();

        UserInfoIssueResponse issued = api.userinfoIssue(new UserInfoIssueRequest().setToken(token)
                .setClaims(Map.of("email", "alice@example.com", "email_verified", true)));

        assertThat(issued.getAction()).isEqualTo(UserInfoIssueResponse.Action.JSON);
        assertThat(issued.getResultCode()).isEqualTo("A096001");
        assertThat(Json.parse(issued.getResponseContent())).isEqualTo(Json.parse(
                "{\"sub\":\"user-1\",\"email\":\"alice@example.com\",\"email_verified\":true}"));

        UserInfoIssueResponse overridden = api.userinfoIssue(new UserInfoIssueRequest().setToken(token)
                .setSub("someone-else").setClaims("{\"sub\":\"ignored\"}"));
        assertThat(Json.parse(overridden.getResponseContent()).get("sub").asText()).isEqualTo("someone-else");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void whenTokenIsMissingUnknownOrWithoutOpenidThenTheActionAndChallengeSaySo(String version, AuthleteApi api) {
        UserInfoResponse missing = api.userinfo(new UserInfoRequest());
        UserInfoResponse unknown = api.userinfo(new UserInfoRequest().setToken("no-such-token"));
        UserInfoResponse noOpenid = api.userinfo(new UserInfoRequest().setToken(accessToken(api, "email")));
        UserInfoIssueResponse issueUnknown = api.userinfoIssue(new UserInfoIssueRequest().setToken("no-such-token"));
        UserInfoIssueResponse badClaims = api.userinfoIssue(new UserInfoIssueRequest()
                .setToken(accessToken(api, "openid")).setClaims("[1,2]"));

        assertThat(missing.getAction()).isEqualTo(UserInfoResponse.Action.BAD_REQUEST);
        assertThat(missing.getResultCode()).isEqualTo("A088301");
        assertThat(missing.getResponseContent()).startsWith("Bearer error=\"invalid_request\"");
        assertThat(unknown.getAction()).isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
        assertThat(unknown.getResponseContent()).isEqualTo("Bearer error=\"invalid_token\",error_description="
                + "\"[A088302] The access token does not exist.\",error_uri=\"https://docs.authlete.com/#A088302\"");
        assertThat(noOpenid.getAction()).isEqualTo(UserInfoResponse.Action.FORBIDDEN);
        assertThat(noOpenid.getResponseContent()).startsWith("Bearer error=\"insufficient_scope\"")
                .contains("[A089304]");
        assertThat(issueUnknown.getAction()).isEqualTo(UserInfoIssueResponse.Action.UNAUTHORIZED);
        assertThat(issueUnknown.getResultCode()).isEqualTo("A092302");
        assertThat(badClaims.getAction()).isEqualTo(UserInfoIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(badClaims.getResultCode()).isEqualTo("A094201");
        assertThat(badClaims.getResponseContent()).startsWith("Bearer error=\"server_error\"");
    }
}
