package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationIssueResponse;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.AuthzDetails;
import com.authlete.common.dto.AuthzDetailsElement;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import com.authlete.common.dto.Property;
import com.authlete.common.dto.RevocationRequest;
import com.authlete.common.dto.RevocationResponse;
import com.authlete.common.dto.Scope;
import com.authlete.common.dto.StandardIntrospectionRequest;
import com.authlete.common.dto.StandardIntrospectionResponse;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.UserInfoIssueRequest;
import com.authlete.common.dto.UserInfoIssueResponse;
import com.authlete.common.dto.UserInfoRequest;
import com.authlete.common.dto.UserInfoResponse;
import com.authlete.common.types.GrantType;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One whole code flow as an authorization server built on Authlete's Java SDK 4.33 runs it, on the v3 and the v2
 * paths, every step feeding the next: {@code /auth/authorization} → {@code /auth/authorization/issue} →
 * {@code /auth/token} (code + PKCE) → {@code /auth/userinfo} and {@code /userinfo/issue} →
 * {@code /auth/introspection} and {@code /standard} → {@code /auth/revocation} → the token is inactive and the
 * refresh token refused. Every response member the SDK reads for the flow is asserted, the ID token is verified
 * with the service's published JWK Set, and {@code /issue}'s {@code sub}, {@code idtHeaderParams},
 * {@code consentedClaims} and {@code idTokenAudType} are seen in the ID token minted at the token step (and
 * {@code consentedClaims} at userinfo and introspection).
 */
class AuthleteSdkCodeFlowJourneyTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String REDIRECT = "https://client.example/cb";
    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final long AUTH_TIME = 1_772_358_000L;
    private static final String CLAIMS_PARAMETER = "{\"id_token\":{\"nickname\":{\"essential\":true}},"
            + "\"userinfo\":{\"nickname\":null}}";
    private static final String USER_CLAIMS = "{\"name\":\"Alice Liddell\",\"email\":\"alice@example.com\","
            + "\"email_verified\":true,\"nickname\":\"al\",\"sub\":\"forged\"}";

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service(",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"profile\"},"
                + "{\"name\":\"email\"},{\"name\":\"read\",\"defaultEntry\":true},{\"name\":\"write\"}]");
        client = SERVER.client(service, ",\"redirectUris\":[\"" + REDIRECT + "\"]");
    }

    static Stream<Named<AuthleteApi>> apis() {
        return Stream.of(Named.of("v3", AuthleteSdk.v3(SERVER, service.id(), service.apiSecret())),
                Named.of("v2", AuthleteSdk.v2(SERVER, service.id(), service.apiSecret())));
    }

    @ParameterizedTest
    @MethodSource("apis")
    void wholeFlowThroughTheSdk(AuthleteApi api) throws Exception {
        String issuer = SERVER.baseUrl() + "/as/" + service.id();
        long clientId = Long.parseLong(client.id());

        // 1. /auth/authorization: the request as the browser sent it
        AuthorizationResponse authorization = authorize(api, "journey-state");
        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        assertThat(authorization.getResultCode()).isEqualTo("A004001");
        assertThat(authorization.getTicket()).isNotEmpty();
        assertThat(authorization.getResponseContent()).isNull();
        assertThat(authorization.getClient().getClientId()).isEqualTo(clientId);
        assertThat(authorization.getService().getApiKey()).isEqualTo(service.id());
        assertThat(Arrays.stream(authorization.getScopes()).map(Scope::getName))
                .containsExactly("openid", "profile", "email", "read");
        assertThat(authorization.getClaims()).contains("nickname", "name", "email", "email_verified");
        assertThat(authorization.getClaimsAtUserInfo()).contains("nickname", "name", "email");
        assertThat(Json.parse(authorization.getIdTokenClaims()).has("nickname")).isTrue();
        assertThat(authorization.getMaxAge()).isZero();
        assertThat(authorization.getSubject()).isNull();

        // 2. /auth/authorization/issue: the user logged in and consented to some of the claims
        AuthorizationIssueResponse issued = api.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket(authorization.getTicket()).setSubject("alice").setSub("alice-for-rp")
                .setAuthTime(AUTH_TIME).setAcr("urn:example:acr:pwd").setClaims(USER_CLAIMS)
                .setConsentedClaims(new String[] {"name", "email", "nickname"})
                .setIdtHeaderParams("{\"typ\":\"JWT\",\"x-journey\":\"1\"}").setIdTokenAudType("string")
                .setProperties(new Property[] {new Property("tenant", "t1"), new Property("secret", "s", true)}));
        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);
        assertThat(issued.getResultCode()).isEqualTo("A040001");
        assertThat(issued.getAuthorizationCode()).hasSize(54); // a row key and 256 random bits (docs/COMPATIBILITY.md)
        assertThat(issued.getAccessToken()).isNull();
        assertThat(issued.getAccessTokenExpiresAt()).isZero();
        assertThat(issued.getIdToken()).isNull();
        URI location = URI.create(issued.getResponseContent());
        assertThat(location.getScheme() + "://" + location.getHost() + location.getPath()).isEqualTo(REDIRECT);
        Map<String, String> query = query(location.getRawQuery());
        assertThat(query).containsOnlyKeys("code", "state", "iss")
                .containsEntry("code", issued.getAuthorizationCode())
                .containsEntry("state", "journey-state")
                .containsEntry("iss", issuer);

        // 3. /auth/token: the client redeems the code with its verifier
        long before = System.currentTimeMillis();
        TokenResponse token = api.token(AuthleteSdk.tokenRequest("grant_type=authorization_code&code="
                + query.get("code") + "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + VERIFIER, client));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getResultCode()).isEqualTo("A050001");
        assertThat(token.getGrantType()).isEqualTo(GrantType.AUTHORIZATION_CODE);
        assertThat(token.getClientId()).isEqualTo(clientId);
        assertThat(token.getSubject()).isEqualTo("alice");
        assertThat(token.getScopes()).containsExactly("openid", "profile", "email", "read");
        assertThat(token.getAccessTokenDuration()).isPositive();
        assertThat(token.getAccessTokenExpiresAt()).isBetween(before, System.currentTimeMillis()
                + token.getAccessTokenDuration() * 1000);
        assertThat(token.getRefreshToken()).isNotEmpty();
        assertThat(token.getRefreshTokenExpiresAt()).isGreaterThanOrEqualTo(token.getAccessTokenExpiresAt());
        assertThat(Arrays.stream(token.getProperties()).map(Property::getKey)).contains("tenant", "secret");
        JsonNode body = Json.parse(token.getResponseContent());
        assertThat(body.get("access_token").asText()).isEqualTo(token.getAccessToken());
        assertThat(body.get("refresh_token").asText()).isEqualTo(token.getRefreshToken());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(token.getAccessTokenDuration());
        assertThat(body.get("scope").asText()).isEqualTo("openid profile email read");
        assertThat(body.get("id_token").asText()).isEqualTo(token.getIdToken());
        assertThat(body.get("tenant").asText()).isEqualTo("t1");
        assertThat(body.has("secret")).as("hidden property").isFalse();

        SignedJWT idToken = verified(api, token.getIdToken());
        JWSHeader header = idToken.getHeader();
        assertThat(header.getType().getType()).isEqualTo("JWT");
        assertThat(header.getCustomParam("x-journey")).isEqualTo("1");
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getSubject()).as("/issue's sub").isEqualTo("alice-for-rp");
        // nimbus reads any aud as a list: look at the payload as sent
        assertThat(idToken.getPayload().toJSONObject().get("aud")).as("idTokenAudType string").isEqualTo(client.id());
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(AUTH_TIME);
        assertThat(claims.getStringClaim("acr")).isEqualTo("urn:example:acr:pwd");
        assertThat(claims.getStringClaim("nonce")).isEqualTo("journey-nonce");
        assertThat(claims.getStringClaim("at_hash")).isEqualTo(halfHash(token.getAccessToken()));
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(claims.getStringClaim("name")).isEqualTo("Alice Liddell");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(claims.getStringClaim("nickname")).isEqualTo("al");
        assertThat(claims.getClaims()).as("requested but not consented").doesNotContainKey("email_verified");

        // 4. /auth/userinfo, then /auth/userinfo/issue with the values the server collected
        UserInfoResponse userInfo = api.userinfo(new UserInfoRequest().setToken(token.getAccessToken()));
        assertThat(userInfo.getAction()).isEqualTo(UserInfoResponse.Action.OK);
        assertThat(userInfo.getResultCode()).isEqualTo("A091001");
        assertThat(userInfo.getClientId()).isEqualTo(clientId);
        assertThat(userInfo.getSubject()).isEqualTo("alice");
        assertThat(userInfo.getScopes()).containsExactly("openid", "profile", "email", "read");
        assertThat(userInfo.getClaims()).as("requested and consented")
                .containsExactlyInAnyOrder("nickname", "name", "email");
        assertThat(userInfo.getConsentedClaims()).containsExactly("name", "email", "nickname");
        assertThat(userInfo.getToken()).isEqualTo(token.getAccessToken());
        UserInfoIssueResponse userInfoIssued = api.userinfoIssue(new UserInfoIssueRequest()
                .setToken(token.getAccessToken()).setSub("alice-for-rp")
                .setClaims("{\"name\":\"Alice Liddell\",\"nickname\":\"al\"}"));
        assertThat(userInfoIssued.getAction()).isEqualTo(UserInfoIssueResponse.Action.JSON);
        JsonNode userInfoBody = Json.parse(userInfoIssued.getResponseContent());
        assertThat(userInfoBody.get("sub").asText()).as("equal to the ID token's").isEqualTo(claims.getSubject());
        assertThat(userInfoBody.get("name").asText()).isEqualTo("Alice Liddell");
        assertThat(userInfoBody.get("nickname").asText()).isEqualTo("al");

        // 5. /auth/introspection (a resource server's check) and /auth/introspection/standard (RFC 7662)
        IntrospectionResponse introspection = api.introspection(new IntrospectionRequest()
                .setToken(token.getAccessToken()).setScopes(new String[] {"read"}).setSubject("alice"));
        assertThat(introspection.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(introspection.getResultCode()).isEqualTo("A056001");
        assertThat(introspection.isExistent()).isTrue();
        assertThat(introspection.isUsable()).isTrue();
        assertThat(introspection.isSufficient()).isTrue();
        assertThat(introspection.isRefreshable()).isTrue();
        assertThat(introspection.getClientId()).isEqualTo(clientId);
        assertThat(introspection.getSubject()).isEqualTo("alice");
        assertThat(introspection.getScopes()).containsExactly("openid", "profile", "email", "read");
        assertThat(introspection.getExpiresAt()).isEqualTo(token.getAccessTokenExpiresAt());
        assertThat(introspection.getAuthTime()).isEqualTo(AUTH_TIME);
        assertThat(introspection.getAcr()).isEqualTo("urn:example:acr:pwd");
        assertThat(introspection.getGrantType()).isEqualTo(GrantType.AUTHORIZATION_CODE);
        assertThat(introspection.getConsentedClaims()).containsExactly("name", "email", "nickname");
        assertThat(Arrays.stream(introspection.getProperties()).map(Property::getKey)).contains("tenant", "secret");
        assertThat(api.introspection(new IntrospectionRequest().setToken(token.getAccessToken())
                .setScopes(new String[] {"write"})).getAction()).isEqualTo(IntrospectionResponse.Action.FORBIDDEN);
        assertThat(api.introspection(new IntrospectionRequest().setToken(token.getAccessToken())
                .setSubject("bob")).getAction()).isEqualTo(IntrospectionResponse.Action.FORBIDDEN);

        JsonNode standard = standardIntrospection(api, "token=" + token.getAccessToken());
        assertThat(standard.get("active").asBoolean()).isTrue();
        assertThat(standard.get("sub").asText()).isEqualTo("alice");
        assertThat(standard.get("client_id").asText()).isEqualTo(client.id());
        assertThat(standard.get("scope").asText()).isEqualTo("openid profile email read");
        assertThat(standard.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(standard.get("exp").asLong()).isEqualTo(token.getAccessTokenExpiresAt() / 1000);
        assertThat(standard.get("iss").asText()).isEqualTo(issuer);
        assertThat(standardIntrospection(api, "token=" + token.getRefreshToken()
                + "&token_type_hint=refresh_token").get("active").asBoolean()).isTrue();

        // 6. /auth/revocation of the refresh token: its whole grant goes (RFC 7009 §2.1)
        RevocationResponse revocation = api.revocation(new RevocationRequest()
                .setParameters("token=" + token.getRefreshToken() + "&token_type_hint=refresh_token")
                .setClientId(client.id()).setClientSecret(client.secret()));
        assertThat(revocation.getAction()).isEqualTo(RevocationResponse.Action.OK);
        assertThat(revocation.getResultCode()).isEqualTo("A113001");

        // 7. afterwards: inactive everywhere, and the refresh refused
        IntrospectionResponse after = api.introspection(new IntrospectionRequest().setToken(token.getAccessToken()));
        assertThat(after.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(after.isUsable()).isFalse();
        assertThat(standardIntrospection(api, "token=" + token.getAccessToken()).get("active").asBoolean())
                .isFalse();
        assertThat(api.userinfo(new UserInfoRequest().setToken(token.getAccessToken())).getAction())
                .isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
        TokenResponse refresh = api.token(AuthleteSdk.tokenRequest("grant_type=refresh_token&refresh_token="
                + token.getRefreshToken(), client));
        assertThat(refresh.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(Json.parse(refresh.getResponseContent()).get("error").asText()).isEqualTo("invalid_grant");
    }

    static Stream<Arguments> issueRefusals() {
        return Stream.of(
                refusal("idtHeaderParams not a JSON object", r -> r.setIdtHeaderParams("[1]"), "A255201"),
                refusal("idtHeaderParams naming alg", r -> r.setIdtHeaderParams("{\"alg\":\"none\"}"), "A255291"),
                refusal("idtHeaderParams naming kid", r -> r.setIdtHeaderParams("{\"kid\":\"mine\"}"), "A255291"),
                refusal("idtHeaderParams naming crit", r -> r.setIdtHeaderParams("{\"crit\":[\"x\"]}"), "A255291"),
                refusal("idtHeaderParams with b64", r -> r.setIdtHeaderParams("{\"b64\":false}"), "A255291"),
                refusal("idtHeaderParams with a key", r -> r.setIdtHeaderParams("{\"jwk\":{}}"), "A255291"),
                refusal("idtHeaderParams with a numeric typ", r -> r.setIdtHeaderParams("{\"typ\":1}"), "A255291"),
                refusal("idtHeaderParams too big", r -> r.setIdtHeaderParams("{\"x\":\"" + "y".repeat(2100) + "\"}"),
                        "A045203"),
                refusal("unknown idTokenAudType", r -> r.setIdTokenAudType("list"), "A042293"),
                refusal("rich authorization details", r -> r.setAuthorizationDetails(new AuthzDetails()
                        .setElements(new AuthzDetailsElement[] {new AuthzDetailsElement().setType("payment")})),
                        "A045292"));
    }

    private static Arguments refusal(String name, UnaryOperator<AuthorizationIssueRequest> change, String code) {
        return Arguments.of(Named.of(name, change), code);
    }

    /** A mistake of the caller's at {@code /issue} is reported before the ticket is used: it can retry. */
    @ParameterizedTest
    @MethodSource("issueRefusals")
    void whenIssueCarriesAnUnusableFieldThenACallerErrorAndTheTicketSurvives(
            UnaryOperator<AuthorizationIssueRequest> change, String resultCode) {
        AuthleteApi api = AuthleteSdk.v3(SERVER, service.id(), service.apiSecret());
        String ticket = authorize(api, "s").getTicket();

        AuthorizationIssueResponse refused = api.authorizationIssue(change.apply(
                new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice")));
        AuthorizationIssueResponse retried = api.authorizationIssue(
                new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice"));

        assertThat(refused.getAction()).isEqualTo(AuthorizationIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(refused.getResultCode()).isEqualTo(resultCode);
        assertThat(Json.parse(refused.getResponseContent()).get("error").asText()).isEqualTo("server_error");
        assertThat(retried.getAction()).isEqualTo(AuthorizationIssueResponse.Action.LOCATION);
    }

    /**
     * With {@code sub} but no {@code claims}, the ID token's user claims come from the directory entry of the
     * user the grant belongs to ({@code subject}), never from a user whose subject equals the replacement.
     */
    @ParameterizedTest
    @MethodSource("apis")
    void whenIssueReplacesSubWithoutClaimsThenTheUsersOwnClaimsAreUsed(AuthleteApi api) throws Exception {
        SERVER.user(service, "bob-" + api.hashCode(), "bob-subject-" + api.hashCode(),
                "{\"name\":\"Bob\",\"email\":\"bob@example.com\",\"nickname\":\"b\"}");
        SERVER.user(service, "eve-" + api.hashCode(), "shown-sub-" + api.hashCode(),
                "{\"name\":\"Eve\",\"email\":\"eve@example.com\",\"nickname\":\"e\"}");
        AuthorizationResponse authorization = authorize(api, "sub-state");
        AuthorizationIssueResponse issued = api.authorizationIssue(new AuthorizationIssueRequest()
                .setTicket(authorization.getTicket()).setSubject("bob-subject-" + api.hashCode())
                .setSub("shown-sub-" + api.hashCode()));
        String code = query(URI.create(issued.getResponseContent()).getRawQuery()).get("code");

        TokenResponse token = api.token(AuthleteSdk.tokenRequest("grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + VERIFIER, client));

        JWTClaimsSet claims = verified(api, token.getIdToken()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("shown-sub-" + api.hashCode());
        assertThat(claims.getStringClaim("name")).isEqualTo("Bob");
        assertThat(claims.getStringClaim("nickname")).isEqualTo("b");
    }

    private static AuthorizationResponse authorize(AuthleteApi api, String state) {
        return api.authorization(new AuthorizationRequest().setParameters("response_type=code&client_id="
                + client.id() + "&redirect_uri=" + encode(REDIRECT) + "&scope=openid%20profile%20email%20read"
                + "&state=" + state + "&nonce=journey-nonce&claims=" + encode(CLAIMS_PARAMETER)
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"));
    }

    private static JsonNode standardIntrospection(AuthleteApi api, String parameters) {
        StandardIntrospectionResponse response = api.standardIntrospection(
                new StandardIntrospectionRequest().setParameters(parameters));
        assertThat(response.getAction()).isEqualTo(StandardIntrospectionResponse.Action.OK);
        return Json.parse(response.getResponseContent());
    }

    /** The ID token with its RS256 signature checked against the key the service publishes under its kid. */
    private static SignedJWT verified(AuthleteApi api, String idToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        RSAKey key = JWKSet.parse(api.getServiceJwks()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt;
    }

    /** OpenID Connect Core §3.1.3.6: the left half of SHA-256, base64url. */
    private static String halfHash(String value) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
