package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationFailRequest;
import com.authlete.common.dto.AuthorizationFailResponse;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.Property;
import com.authlete.common.dto.Scope;
import com.authlete.common.types.Prompt;
import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authlete's Java SDK 4.33 driving the authorization API on v3 and v2 paths, as an authorization server written
 * against Authlete does: {@code /auth/authorization}, then {@code /issue} or {@code /fail}, and the refusals of
 * bad requests, each with its specification error and result code.
 */
class AuthleteSdkAuthorizationTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String REDIRECT = "https://client.example/cb";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service(",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"profile\"},"
                + "{\"name\":\"read\",\"defaultEntry\":true},{\"name\":\"write\"}],"
                + "\"supportedResponseTypes\":[\"CODE\",\"NONE\"]");
        client = SERVER.client(service, ",\"redirectUris\":[\"" + REDIRECT + "\"],"
                + "\"responseTypes\":[\"CODE\",\"NONE\"],"
                + "\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]");
    }

    static Stream<Named<AuthleteApi>> apis() {
        return Stream.of(Named.of("v3", AuthleteSdk.v3(SERVER, service.id(), service.apiSecret())),
                Named.of("v2", AuthleteSdk.v2(SERVER, service.id(), service.apiSecret())));
    }

    private static String issuer() {
        return SERVER.baseUrl() + "/as/" + service.id();
    }

    private static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static String codeRequest(String... extra) {
        String base = query("response_type", "code", "client_id", client.id(), "redirect_uri", REDIRECT,
                "scope", "openid profile read", "state", "xyz-123", "nonce", "n-1",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256");
        return extra.length == 0 ? base : base + "&" + query(extra);
    }

    private static AuthorizationResponse authorize(AuthleteApi api, String parameters) {
        return api.authorization(new AuthorizationRequest().setParameters(parameters));
    }

    /** The parameters of a redirect URL's query. */
    private static Map<String, String> queryOf(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenRequestIsValidThenIssueRedirectsWithACodeStateAndIssuer(AuthleteApi api) {
        AuthorizationResponse authorization = authorize(api, codeRequest(
                "claims", "{\"id_token\":{\"email\":{\"essential\":true}}}", "max_age", "300", "login_hint", "alice"));

        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(authorization.getResultCode()).isEqualTo("A004001");
        assertThat(authorization.getTicket()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(authorization.getResponseContent()).isNull();
        assertThat(authorization.getClient().getClientId()).isEqualTo(Long.parseLong(client.id()));
        assertThat(authorization.getClient().getClientName()).isEqualTo("test");
        assertThat(authorization.getService().getApiKey()).isEqualTo(service.id());
        assertThat(authorization.getScopes()).extracting(Scope::getName).containsExactly("openid", "profile", "read");
        assertThat(authorization.getMaxAge()).isEqualTo(300);
        assertThat(authorization.getLoginHint()).isEqualTo("alice");
        assertThat(authorization.getClaims()).contains("email", "name");
        assertThat(Json.parse(authorization.getIdTokenClaims()).get("email").get("essential").asBoolean()).isTrue();

        AuthorizationIssueResponse issued = api.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket(authorization.getTicket()).setSubject("alice").setAuthTime(1_772_358_000L)
                .setAcr("urn:acr:pwd").setClaims("{\"email\":\"alice@example.com\"}")
                .setProperties(new Property[] {new Property("k", "v")}));

        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);
        assertThat(issued.getResultCode()).isEqualTo("A040001");
        assertThat(issued.getAuthorizationCode()).hasSize(54); // a row key and 256 random bits (docs/COMPATIBILITY.md)
        assertThat(issued.getResponseContent()).startsWith(REDIRECT + "?code=");
        assertThat(queryOf(issued.getResponseContent())).containsExactly(
                Map.entry("code", issued.getAuthorizationCode()), Map.entry("state", "xyz-123"),
                Map.entry("iss", issuer()));
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenTicketIsUsedTwiceThenTheSecondIsRefused(AuthleteApi api) {
        String ticket = authorize(api, codeRequest()).getTicket();
        api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice"));

        AuthorizationIssueResponse again = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket)
                .setSubject("alice"));
        AuthorizationFailResponse failed = api.authorizationFail(new AuthorizationFailRequest().setTicket(ticket)
                .setReason(AuthorizationFailRequest.Reason.DENIED));

        assertThat(again.getAction()).isEqualTo(AuthorizationIssueResponse.Action.BAD_REQUEST);
        assertThat(again.getResultCode()).isEqualTo("A045304");
        assertThat(Json.parse(again.getResponseContent()).get("error").asText()).isEqualTo("invalid_request");
        assertThat(failed.getAction()).isEqualTo(AuthorizationFailResponse.Action.BAD_REQUEST);
        assertThat(failed.getResultCode()).isEqualTo("A059391");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenCallerForgetsTheSubjectThenItIsTheCallersErrorAndTheTicketStaysUsable(AuthleteApi api) {
        String ticket = authorize(api, codeRequest()).getTicket();

        AuthorizationIssueResponse missing = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket));
        AuthorizationIssueResponse badClaims = api.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket(ticket).setSubject("alice").setClaims("[1]"));
        AuthorizationIssueResponse fine = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket)
                .setSubject("alice"));

        assertThat(missing.getAction()).isEqualTo(AuthorizationIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(missing.getResultCode()).isEqualTo("A042201");
        assertThat(badClaims.getAction()).isEqualTo(AuthorizationIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(badClaims.getResultCode()).isEqualTo("A044201");
        assertThat(fine.getAction()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenUnknownTicketIsIssuedOrFailedThenBadRequest(AuthleteApi api) {
        AuthorizationIssueResponse issued = api.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket("no-such-ticket").setSubject("alice"));
        AuthorizationFailResponse failed = api.authorizationFail(new AuthorizationFailRequest()
                .setTicket("no-such-ticket").setReason(AuthorizationFailRequest.Reason.DENIED));

        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.BAD_REQUEST);
        assertThat(issued.getResultCode()).isEqualTo("A041202");
        assertThat(failed.getAction()).isEqualTo(AuthorizationFailResponse.Action.BAD_REQUEST);
        assertThat(failed.getResultCode()).isEqualTo("A059202");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenNobodyIsLoggedInThenFailRedirectsWithLoginRequired(AuthleteApi api) {
        AuthorizationResponse authorization = authorize(api, codeRequest("prompt", "none"));
        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.NO_INTERACTION);
        assertThat(authorization.getPrompts()).containsExactly(Prompt.NONE);

        AuthorizationFailResponse failed = api.authorizationFail(new AuthorizationFailRequest()
                .setTicket(authorization.getTicket()).setReason(AuthorizationFailRequest.Reason.NOT_LOGGED_IN));

        assertThat(failed.getAction()).isEqualTo(AuthorizationFailResponse.Action.LOCATION);
        assertThat(failed.getResultCode()).isEqualTo("A060301");
        Map<String, String> parameters = queryOf(failed.getResponseContent());
        assertThat(parameters.get("error")).isEqualTo("login_required");
        assertThat(parameters.get("error_description")).startsWith("[A060301] ");
        assertThat(parameters.get("state")).isEqualTo("xyz-123");
        assertThat(parameters.get("iss")).isEqualTo(issuer());
        assertThat(parameters.keySet()).containsExactly("error", "error_description", "error_uri", "state", "iss");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenEachFailReasonIsGivenThenItsErrorGoesBack(AuthleteApi api) {
        Map<AuthorizationFailRequest.Reason, String> expected = Map.of(
                AuthorizationFailRequest.Reason.DENIED, "access_denied A060306",
                AuthorizationFailRequest.Reason.CONSENT_REQUIRED, "consent_required A060311",
                AuthorizationFailRequest.Reason.ACR_NOT_SATISFIED, "unmet_authentication_requirements A060305",
                AuthorizationFailRequest.Reason.INTERACTION_REQUIRED, "interaction_required A060312",
                AuthorizationFailRequest.Reason.ACCOUNT_SELECTION_REQUIRED, "account_selection_required A060310",
                AuthorizationFailRequest.Reason.INVALID_TARGET, "invalid_target A060313",
                AuthorizationFailRequest.Reason.UNKNOWN, "server_error A060307");
        expected.forEach((reason, outcome) -> {
            AuthorizationFailResponse failed = api.authorizationFail(new AuthorizationFailRequest()
                    .setTicket(authorize(api, codeRequest()).getTicket()).setReason(reason));
            assertThat(queryOf(failed.getResponseContent()).get("error") + " " + failed.getResultCode())
                    .as(reason.name()).isEqualTo(outcome);
        });
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenResponseModeIsFormPostThenIssueAnswersWithAnAutoSubmittingForm(AuthleteApi api) {
        String ticket = authorize(api, codeRequest("response_mode", "form_post")).getTicket();

        AuthorizationIssueResponse issued = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket)
                .setSubject("alice"));

        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.FORM);
        assertThat(issued.getResponseContent())
                .contains("<form method=\"post\" action=\"" + REDIRECT + "\">")
                .contains("name=\"code\" value=\"" + issued.getAuthorizationCode() + "\"")
                .contains("name=\"state\" value=\"xyz-123\"")
                .contains("name=\"iss\" value=\"" + issuer() + "\"");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenResponseTypeIsNoneThenIssueRedirectsWithoutACode(AuthleteApi api) {
        String ticket = authorize(api, query("response_type", "none", "client_id", client.id(), "redirect_uri",
                REDIRECT, "state", "s-none")).getTicket();

        AuthorizationIssueResponse issued = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket)
                .setSubject("alice"));

        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);
        assertThat(issued.getAuthorizationCode()).isNull();
        assertThat(queryOf(issued.getResponseContent())).containsExactly(Map.entry("state", "s-none"),
                Map.entry("iss", issuer()));
    }

    /** Refusals that may not go to the redirect URI: 400 JSON, never a redirect. */
    @ParameterizedTest
    @MethodSource("apis")
    void whenRedirectUriIsNotRegisteredThenBadRequestAndNeverARedirect(AuthleteApi api) {
        AuthorizationResponse refused = authorize(api, query("response_type", "code", "client_id", client.id(),
                "redirect_uri", "https://attacker.example/cb", "state", "s"));

        assertThat(refused.getAction()).isEqualTo(AuthorizationResponse.Action.BAD_REQUEST);
        assertThat(refused.getResultCode()).isEqualTo("A011304");
        assertThat(refused.getTicket()).isNull();
        JsonNode content = Json.parse(refused.getResponseContent());
        assertThat(content.get("error").asText()).isEqualTo("invalid_request");
        assertThat(content.get("error_description").asText()).startsWith("[A011304] ");
        assertThat(refused.getResponseContent()).doesNotContain("Location");
    }

    static Stream<Arguments> redirectedRefusals() {
        String longState = "s".repeat(2049);
        return apis().flatMap(api -> Stream.of(
                Arguments.of(api, "unknown response_type", query("response_type", "token code bogus", "client_id",
                        client.id(), "redirect_uri", REDIRECT, "state", "s1"), "unsupported_response_type", "A009304",
                        "s1"),
                Arguments.of(api, "oversized state", codeRequest().replace("state=xyz-123", "state=" + longState),
                        "invalid_request", "A013304", null),
                Arguments.of(api, "invalid claims JSON", codeRequest("claims", "{\"id_token\":"), "invalid_request",
                        "A022303", "xyz-123"),
                Arguments.of(api, "prompt=none with login", codeRequest("prompt", "none login"), "invalid_request",
                        "A016304", "xyz-123"),
                Arguments.of(api, "request object", codeRequest("request", "eyJhbGciOiJub25lIn0.e30."),
                        "request_not_supported", "A008391", "xyz-123"),
                Arguments.of(api, "request_uri", codeRequest("request_uri", "https://client.example/r"),
                        "request_uri_not_supported", "A008392", "xyz-123"),
                Arguments.of(api, "unknown PKCE method", codeRequest().replace("S256", "S512"),
                        "invalid_request", "A124306", "xyz-123")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("redirectedRefusals")
    void whenRequestIsBadAfterTheRedirectUriIsTrustedThenTheErrorIsRedirected(AuthleteApi api, String name,
            String parameters, String error, String resultCode, String state) {
        AuthorizationResponse refused = authorize(api, parameters);

        assertThat(refused.getAction()).as(name).isEqualTo(AuthorizationResponse.Action.LOCATION);
        assertThat(refused.getResultCode()).as(name).isEqualTo(resultCode);
        assertThat(refused.getResponseContent()).startsWith(REDIRECT + "?");
        Map<String, String> redirected = queryOf(refused.getResponseContent());
        assertThat(redirected.get("error")).as(name).isEqualTo(error);
        assertThat(redirected.get("error_description")).startsWith("[" + resultCode + "] ");
        assertThat(redirected.get("state")).as(name).isEqualTo(state);
        assertThat(redirected.get("iss")).isEqualTo(issuer());
    }
}
