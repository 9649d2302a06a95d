package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.IDTokenReissueRequest;
import com.authlete.common.dto.IDTokenReissueResponse;
import com.authlete.common.dto.TokenResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An ID token on refresh (OpenID Connect Core §12.2), Authlete's way, driven by its Java SDK 4.33 on v3 and v2: a
 * refresh of an OpenID Connect grant on a service with {@code idTokenReissuable} answers {@code ID_TOKEN_REISSUABLE},
 * and {@code /idtoken/reissue} adds an ID token consistent with the first (same {@code iss}, {@code sub},
 * {@code aud}, {@code auth_time}, {@code acr}; the new access token's {@code at_hash}; no {@code nonce}).
 */
class AuthleteSdkIdTokenReissueTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String REDIRECT = "https://client.example/cb";
    private static final long AUTH_TIME = 1_772_358_000L;

    private static ServiceRef reissuable;
    private static ClientRef client;
    private static ServiceRef plain;
    private static ClientRef plainClient;

    @BeforeAll
    static void createServicesAndClients() {
        String scopes = ",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"read\"}],"
                + "\"supportedGrantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],\"supportedAcrs\":[\"urn:acr:pwd\"]";
        String clientMembers = ",\"redirectUris\":[\"" + REDIRECT + "\"],\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]";
        reissuable = SERVER.service(scopes + ",\"idTokenReissuable\":true");
        client = SERVER.client(reissuable, clientMembers);
        plain = SERVER.service(scopes);
        plainClient = SERVER.client(plain, clientMembers);
    }

    static Stream<Named<AuthleteApi>> apis() {
        return Stream.of(Named.of("v3", AuthleteSdk.v3(SERVER, reissuable.id(), reissuable.apiSecret())),
                Named.of("v2", AuthleteSdk.v2(SERVER, reissuable.id(), reissuable.apiSecret())));
    }

    /** Code flow for alice with {@code scope}, then the code redeemed: the first token response. */
    private static TokenResponse codeFlow(AuthleteApi api, ClientRef client, String scope) {
        String ticket = api.authorization(new AuthorizationRequest().setParameters("response_type=code&client_id="
                + client.id() + "&redirect_uri=" + encode(REDIRECT) + "&scope=" + scope + "&nonce=n-1"
                + "&acr_values=urn:acr:pwd")).getTicket();
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice")
                .setAuthTime(AUTH_TIME).setAcr("urn:acr:pwd")).getAuthorizationCode();
        TokenResponse first = api.token(AuthleteSdk.tokenRequest("grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + encode(REDIRECT), client));
        assertThat(first.getAction()).isEqualTo(TokenResponse.Action.OK);
        return first;
    }

    private static TokenResponse refresh(AuthleteApi api, ClientRef client, String refreshToken) {
        return api.token(AuthleteSdk.tokenRequest("grant_type=refresh_token&refresh_token=" + refreshToken, client));
    }

    @ParameterizedTest
    @MethodSource("apis")
    void whenAnOpenIdGrantIsRefreshedThenIdTokenReissuableAndTheReissuedIdTokenMatchesTheFirst(AuthleteApi api)
            throws Exception {
        TokenResponse first = codeFlow(api, client, "openid%20read");

        TokenResponse refreshed = refresh(api, client, first.getRefreshToken());

        assertThat(refreshed.getAction()).isEqualTo(TokenResponse.Action.ID_TOKEN_REISSUABLE);
        assertThat(refreshed.getResultCode()).isEqualTo("A053091");
        assertThat(refreshed.getIdToken()).isNull();
        assertThat(Json.parse(refreshed.getResponseContent()).has("id_token")).isFalse();
        IDTokenReissueResponse reissued = api.idTokenReissue(new IDTokenReissueRequest()
                .setAccessToken(refreshed.getAccessToken()).setRefreshToken(refreshed.getRefreshToken()));

        assertThat(reissued.getAction()).isEqualTo(IDTokenReissueResponse.Action.OK);
        assertThat(reissued.getResultCode()).isEqualTo("A342091");
        JsonNode body = Json.parse(reissued.getResponseContent());
        assertThat(body.get("id_token").asText()).isEqualTo(reissued.getIdToken());
        assertThat(body.get("access_token").asText()).isEqualTo(refreshed.getAccessToken());
        assertThat(body.get("refresh_token").asText()).isEqualTo(refreshed.getRefreshToken());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("openid read");
        JWTClaimsSet before = verified(api, first.getIdToken());
        JWTClaimsSet after = verified(api, reissued.getIdToken());
        assertThat(after.getIssuer()).isEqualTo(before.getIssuer());
        assertThat(after.getSubject()).isEqualTo("alice").isEqualTo(before.getSubject());
        assertThat(after.getAudience()).isEqualTo(before.getAudience()).containsExactly(client.id());
        assertThat(after.getLongClaim("auth_time")).isEqualTo(AUTH_TIME).isEqualTo(before.getLongClaim("auth_time"));
        assertThat(after.getStringClaim("acr")).isEqualTo("urn:acr:pwd");
        assertThat(after.getStringClaim("at_hash")).isEqualTo(atHash(refreshed.getAccessToken()))
                .isNotEqualTo(before.getStringClaim("at_hash"));
        assertThat(after.getClaim("nonce")).isNull();
        assertThat(before.getClaim("nonce")).isEqualTo("n-1");
        assertThat(after.getExpirationTime()).isAfter(after.getIssueTime());
    }

    @Test
    void whenTheCallerGivesClaimsAndAudTypeThenTheReissuedIdTokenCarriesThem() throws Exception {
        AuthleteApi api = AuthleteSdk.v3(SERVER, reissuable.id(), reissuable.apiSecret());
        TokenResponse refreshed = refresh(api, client, codeFlow(api, client, "openid%20email").getRefreshToken());

        IDTokenReissueResponse reissued = api.idTokenReissue(new IDTokenReissueRequest()
                .setAccessToken(refreshed.getAccessToken()).setRefreshToken(refreshed.getRefreshToken())
                .setClaims("{\"email\":\"alice@example.com\"}").setIdTokenAudType("string")
                .setIdtHeaderParams("{\"typ\":\"JWT\"}"));

        assertThat(reissued.getAction()).isEqualTo(IDTokenReissueResponse.Action.OK);
        SignedJWT jwt = SignedJWT.parse(reissued.getIdToken());
        assertThat(jwt.getHeader().getType().toString()).isEqualTo("JWT");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(jwt.getPayload().toJSONObject().get("aud")).isEqualTo(client.id());
    }

    @Test
    void whenTheAuthorizationRequestedIdTokenClaimsThenTheReissuableRefreshNamesThem() {
        AuthleteApi api = AuthleteSdk.v3(SERVER, reissuable.id(), reissuable.apiSecret());
        String claims = "{\"id_token\":{\"email\":null,\"name\":{\"essential\":true}}}";
        String ticket = api.authorization(new AuthorizationRequest().setParameters("response_type=code&client_id="
                + client.id() + "&redirect_uri=" + encode(REDIRECT) + "&scope=openid&claims=" + encode(claims)))
                .getTicket();
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice"))
                .getAuthorizationCode();
        TokenResponse first = api.token(AuthleteSdk.tokenRequest("grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + encode(REDIRECT), client));

        TokenResponse refreshed = refresh(api, client, first.getRefreshToken());

        assertThat(refreshed.getAction()).isEqualTo(TokenResponse.Action.ID_TOKEN_REISSUABLE);
        assertThat(refreshed.getRequestedIdTokenClaims()).containsExactly("email", "name");
        assertThat(refresh(api, client, codeFlow(api, client, "openid").getRefreshToken())
                .getRequestedIdTokenClaims()).as("no claims parameter").isNull();
    }

    @Test
    void whenTheServiceIsNotIdTokenReissuableThenTheRefreshIsPlainOk() {
        AuthleteApi api = AuthleteSdk.v3(SERVER, plain.id(), plain.apiSecret());

        TokenResponse refreshed = refresh(api, plainClient, codeFlow(api, plainClient, "openid").getRefreshToken());

        assertThat(refreshed.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(refreshed.getResultCode()).isEqualTo("A053001");
    }

    @Test
    void whenTheRefreshDropsOpenIdThenPlainOk() {
        AuthleteApi api = AuthleteSdk.v3(SERVER, reissuable.id(), reissuable.apiSecret());
        TokenResponse first = codeFlow(api, client, "openid%20read");

        TokenResponse refreshed = api.token(AuthleteSdk.tokenRequest("grant_type=refresh_token&scope=read"
                + "&refresh_token=" + first.getRefreshToken(), client));

        assertThat(refreshed.getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void whenTheCallIsWrongThenCallerErrorWithItsCode() {
        AuthleteApi api = AuthleteSdk.v3(SERVER, reissuable.id(), reissuable.apiSecret());
        TokenResponse first = codeFlow(api, client, "openid");
        TokenResponse other = codeFlow(api, client, "openid");

        assertCallerError(api.idTokenReissue(new IDTokenReissueRequest().setRefreshToken(first.getRefreshToken())),
                "A342291");
        assertCallerError(api.idTokenReissue(new IDTokenReissueRequest().setAccessToken(first.getAccessToken())
                .setRefreshToken("no-such-token")), "A342292");
        assertCallerError(api.idTokenReissue(new IDTokenReissueRequest().setAccessToken(first.getAccessToken())
                .setRefreshToken(other.getRefreshToken())), "A342293");
        assertCallerError(api.idTokenReissue(new IDTokenReissueRequest().setAccessToken(first.getAccessToken())
                .setRefreshToken(first.getRefreshToken()).setClaims("[1]")), "A342295");
        assertCallerError(api.idTokenReissue(new IDTokenReissueRequest().setAccessToken(first.getAccessToken())
                .setRefreshToken(first.getRefreshToken()).setIdtHeaderParams("{\"kid\":\"x\"}")), "A342296");
        assertCallerError(api.idTokenReissue(new IDTokenReissueRequest().setAccessToken(first.getAccessToken())
                .setRefreshToken(first.getRefreshToken()).setIdtHeaderParams("{\"b64\":false}")), "A342296");
        assertCallerError(api.idTokenReissue(new IDTokenReissueRequest().setAccessToken(first.getAccessToken())
                .setRefreshToken(first.getRefreshToken()).setIdTokenAudType("list")), "A342297");
    }

    @Test
    void whenTheBuiltInServerRefreshesAnOpenIdGrantThenItAnswersWithANewIdToken() throws Exception {
        AuthleteApi api = AuthleteSdk.v3(SERVER, plain.id(), plain.apiSecret());
        TokenResponse first = codeFlow(api, plainClient, "openid%20read");

        JsonNode token = SERVER.asToken(plain, plainClient, "grant_type=refresh_token&refresh_token="
                + first.getRefreshToken()).assertNoStore(200).json();

        JWTClaimsSet before = verified(api, first.getIdToken());
        JWTClaimsSet after = verified(api, token.get("id_token").asText());
        assertThat(after.getSubject()).isEqualTo(before.getSubject());
        assertThat(after.getAudience()).isEqualTo(before.getAudience());
        assertThat(after.getIssuer()).isEqualTo(before.getIssuer());
        assertThat(after.getLongClaim("auth_time")).isEqualTo(AUTH_TIME);
        assertThat(after.getStringClaim("at_hash")).isEqualTo(atHash(token.get("access_token").asText()));
        JsonNode again = SERVER.asToken(plain, plainClient, "grant_type=refresh_token&scope=read&refresh_token="
                + token.get("refresh_token").asText()).assertNoStore(200).json();
        assertThat(again.has("id_token")).as("no ID token once openid is dropped").isFalse();
    }

    private static void assertCallerError(IDTokenReissueResponse response, String resultCode) {
        assertThat(response.getAction()).as(resultCode).isEqualTo(IDTokenReissueResponse.Action.CALLER_ERROR);
        assertThat(response.getResultCode()).isEqualTo(resultCode);
        assertThat(Json.parse(response.getResponseContent()).get("error").asText()).isEqualTo("server_error");
    }

    private static JWTClaimsSet verified(AuthleteApi api, String idToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        RSAKey key = JWKSet.parse(api.getServiceJwks()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static String atHash(String accessToken) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
