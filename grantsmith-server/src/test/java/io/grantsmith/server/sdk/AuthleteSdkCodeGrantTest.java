package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.UserInfoRequest;
import com.authlete.common.dto.UserInfoResponse;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.testkit.Concurrently;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorization-code grant at {@code /auth/token}, driven by Authlete's Java SDK 4.33 as an authorization
 * server does: authorization → issue → token on v3 and v2, the checks a redemption must pass (RFC 6749 §4.1.3,
 * RFC 7636 §4.6), and single use: a second redemption fails and revokes what the first issued, also when 50
 * redemptions race.
 */
class AuthleteSdkCodeGrantTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String REDIRECT = "https://client.example/cb";
    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service(",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"read\",\"defaultEntry\":true}],"
                + "\"supportedGrantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]");
        client = SERVER.client(service, ",\"redirectUris\":[\"" + REDIRECT + "\"],"
                + "\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]");
    }

    static Stream<Named<AuthleteApi>> apis() {
        return Stream.of(Named.of("v3", AuthleteSdk.v3(SERVER, service.id(), service.apiSecret())),
                Named.of("v2", AuthleteSdk.v2(SERVER, service.id(), service.apiSecret())));
    }

    private static AuthleteApi v3() {
        return AuthleteSdk.v3(SERVER, service.id(), service.apiSecret());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A code for alice, issued through /auth/authorization and /issue. */
    private static String code(AuthleteApi api) {
        String ticket = api.authorization(new AuthorizationRequest().setParameters("response_type=code&client_id="
                + client.id() + "&redirect_uri=" + encode(REDIRECT) + "&scope=openid%20read&state=s&nonce=n"
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256")).getTicket();
        return api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice")
                .setAuthTime(1_772_358_000L)).getAuthorizationCode();
    }

    private static TokenResponse redeem(AuthleteApi api, String code, String extra) {
        return api.token(AuthleteSdk.tokenRequest("grant_type=authorization_code&code=" + code + extra, client));
    }

    private static String proof() {
        return "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + VERIFIER;
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenTheCodeIsRedeemedThenTokensAndAnIdTokenForTheApprovedUser(AuthleteApi api) throws Exception {
        TokenResponse response = redeem(api, code(api), proof());

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(response.getResultCode()).isEqualTo("A050001");
        assertThat(response.getSubject()).isEqualTo("alice");
        assertThat(response.getScopes()).containsExactly("openid", "read");
        assertThat(response.getAccessToken()).isNotEmpty();
        assertThat(response.getRefreshToken()).isNotEmpty();
        assertThat(Json.parse(response.getResponseContent()).get("access_token").asText())
                .isEqualTo(response.getAccessToken());
        JWTClaimsSet idToken = verifiedIdToken(api, response);
        assertThat(idToken.getIssuer()).isEqualTo(SERVER.baseUrl() + "/as/" + service.id());
        assertThat(idToken.getSubject()).isEqualTo("alice");
        assertThat(idToken.getAudience()).containsExactly(client.id());
        assertThat(idToken.getClaim("nonce")).isEqualTo("n");
        assertThat(idToken.getLongClaim("auth_time")).isEqualTo(1_772_358_000L);
        assertThat(idToken.getStringClaim("at_hash")).isEqualTo(atHash(response.getAccessToken()));
        assertThat(Json.parse(response.getResponseContent()).get("id_token").asText())
                .isEqualTo(response.getIdToken());
        UserInfoResponse userInfo = api.userinfo(new UserInfoRequest().setToken(response.getAccessToken()));
        assertThat(userInfo.getAction()).isEqualTo(UserInfoResponse.Action.OK);
        assertThat(userInfo.getSubject()).isEqualTo("alice");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenTheCodeIsRedeemedTwiceThenTheSecondFailsAndTheFirstsTokensAreRevoked(AuthleteApi api) {
        String code = code(api);
        TokenResponse first = redeem(api, code, proof());

        TokenResponse second = redeem(api, code, proof());

        assertThat(second.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(second.getResultCode()).isEqualTo("A050391");
        assertThat(Json.parse(second.getResponseContent()).get("error").asText()).isEqualTo("invalid_grant");
        assertRevoked(api, first.getAccessToken(), first.getRefreshToken());
    }

    /** The ID token of the response, its RS256 signature checked against the service's published key. */
    private static JWTClaimsSet verifiedIdToken(AuthleteApi api, TokenResponse response) throws Exception {
        SignedJWT jwt = SignedJWT.parse(response.getIdToken());
        RSAKey key = JWKSet.parse(api.getServiceJwks()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    /** OpenID Connect Core §3.1.3.6: the left half of SHA-256 of the access token, base64url. */
    private static String atHash(String accessToken) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
    }

    private static void assertRevoked(AuthleteApi api, String accessToken, String refreshToken) {
        assertThat(api.userinfo(new UserInfoRequest().setToken(accessToken)).getAction())
                .isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
        TokenResponse refreshed = api.token(AuthleteSdk.tokenRequest("grant_type=refresh_token&refresh_token="
                + refreshToken, client));
        assertThat(refreshed.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(Json.parse(refreshed.getResponseContent()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void whenFiftyRedemptionsRaceThenExactlyOneSucceedsAndItsTokensAreRevokedAfterwards() throws Exception {
        AuthleteApi api = v3();
        String code = code(api);

        List<io.grantsmith.api.dto.TokenResponse> responses = Concurrently.run(50, () -> SERVER.grantsmith().tokens()
                .token(service.id(), new io.grantsmith.api.dto.TokenRequest().setParameters(
                        "grant_type=authorization_code&code=" + code + proof())
                        .setClientId(client.id()).setClientSecret(client.secret())));

        List<io.grantsmith.api.dto.TokenResponse> winners = responses.stream()
                .filter(response -> response.getAction() == io.grantsmith.api.dto.TokenResponse.Action.OK).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses)
                .filteredOn(response -> response.getAction() == io.grantsmith.api.dto.TokenResponse.Action.BAD_REQUEST)
                .hasSize(49).allSatisfy(response -> assertThat(response.getResultCode()).isEqualTo("A050391"));
        assertRevoked(api, winners.get(0).getAccessToken(), winners.get(0).getRefreshToken());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("wrong verifier",
                        "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + VERIFIER.replace('d', 'e'), "A050315"),
                org.junit.jupiter.params.provider.Arguments.of("no verifier", "&redirect_uri=" + encode(REDIRECT),
                        "A050312"),
                org.junit.jupiter.params.provider.Arguments.of("another redirect_uri",
                        "&redirect_uri=" + encode(REDIRECT + "2") + "&code_verifier=" + VERIFIER, "A050309"),
                org.junit.jupiter.params.provider.Arguments.of("no redirect_uri", "&code_verifier=" + VERIFIER,
                        "A050308"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void whenTheRedemptionDoesNotRepeatTheRequestThenInvalidGrant(String name, String extra, String resultCode) {
        AuthleteApi api = v3();

        TokenResponse response = redeem(api, code(api), extra);

        assertThat(response.getAction()).as(name).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(response.getResultCode()).as(name).isEqualTo(resultCode);
        assertThat(Json.parse(response.getResponseContent()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void whenAClientThatMayNotRefreshReusesACodeThenItsAccessTokenIsRevokedToo() {
        AuthleteApi api = v3();
        ClientRef noRefresh = SERVER.client(service, ",\"redirectUris\":[\"" + REDIRECT + "\"],"
                + "\"grantTypes\":[\"AUTHORIZATION_CODE\"]");
        String ticket = api.authorization(new AuthorizationRequest().setParameters("response_type=code&client_id="
                + noRefresh.id() + "&redirect_uri=" + encode(REDIRECT) + "&scope=openid")).getTicket();
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("bob"))
                .getAuthorizationCode();
        String redeem = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(REDIRECT);

        TokenResponse first = api.token(AuthleteSdk.tokenRequest(redeem, noRefresh));
        assertThat(first.getRefreshToken()).isNull();
        assertThat(api.userinfo(new UserInfoRequest().setToken(first.getAccessToken())).getSubject()).isEqualTo("bob");
        TokenResponse second = api.token(AuthleteSdk.tokenRequest(redeem, noRefresh));

        assertThat(second.getResultCode()).isEqualTo("A050391");
        assertThat(api.userinfo(new UserInfoRequest().setToken(first.getAccessToken())).getAction())
                .isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenTheAuthorizationRequestedIdTokenClaimsThenTheTokenResponseNamesThem(AuthleteApi api) {
        String claims = "{\"id_token\":{\"email\":{\"essential\":true},\"acr\":null},\"userinfo\":{\"name\":null}}";
        String ticket = api.authorization(new AuthorizationRequest().setParameters("response_type=code&client_id="
                + client.id() + "&redirect_uri=" + encode(REDIRECT) + "&scope=openid&claims=" + encode(claims)
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256")).getTicket();
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice")
                .setClaims("{\"email\":\"alice@example.com\"}")).getAuthorizationCode();

        TokenResponse response = redeem(api, code, proof());

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(response.getRequestedIdTokenClaims()).containsExactly("email", "acr");
        assertThat(redeem(api, code(api), proof()).getRequestedIdTokenClaims()).as("no claims parameter").isNull();
    }

    @Test
    void whenTheCodeIsUnknownThenInvalidGrant() {
        TokenResponse response = redeem(v3(), "no-such-code", proof());

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(response.getResultCode()).isEqualTo("A050305");
    }
}
