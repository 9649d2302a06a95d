package io.grantsmith.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import io.grantsmith.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenID Foundation's {@code oidcc-basic-certification-test-plan} (response type {@code code},
 * {@code client_secret_basic}, static client, discovery), module by module, against the built-in provider served
 * over HTTPS with a self-signed certificate, as {@code grantsmith serve --tls-self-signed} serves it. Each test
 * plays its module's scenario with a browser that fills the login form, and checks what the module's conditions
 * check (failures, and the warnings that are cheap to avoid). Where the suite waits (30 seconds before reusing a
 * code, 2 seconds before {@code max_age=1}) the server's clock is moved instead.
 */
class OidccBasicPlanTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite(CLOCK).tlsSelfSigned();

    static final String REDIRECT = "https://127.0.0.1:8443/test/a/grantsmith/callback";
    static final String PASSWORD = "correct horse battery staple";
    static final String USER_CLAIMS = "{\"name\":\"Alice Liddell\",\"given_name\":\"Alice\",\"family_name\":"
            + "\"Liddell\",\"middle_name\":\"Pleasance\",\"nickname\":\"Al\",\"preferred_username\":\"alice\","
            + "\"profile\":\"https://alice.example/\",\"picture\":\"https://alice.example/me.png\",\"website\":"
            + "\"https://alice.example/blog\",\"gender\":\"female\",\"birthdate\":\"1852-05-04\",\"zoneinfo\":"
            + "\"Europe/London\",\"locale\":\"en-GB\",\"updated_at\":1700000000,\"email\":\"alice@example.com\","
            + "\"email_verified\":true,\"address\":{\"formatted\":\"1 Christ Church, Oxford\",\"street_address\":"
            + "\"1 Christ Church\",\"locality\":\"Oxford\",\"postal_code\":\"OX1 1DP\",\"country\":\"GB\"},"
            + "\"phone_number\":\"+44 1865 276150\",\"phone_number_verified\":false}";

    private static ServiceRef service;
    private static RelyingParty rp;
    private static RelyingParty rp2;

    @BeforeAll
    static void createServiceClientsAndUser() {
        service = SERVER.service(ConformanceSetup.SERVICE);
        rp = new RelyingParty(SERVER, service.id(), SERVER.client(service, ConformanceSetup.client(REDIRECT)),
                REDIRECT);
        rp2 = new RelyingParty(SERVER, service.id(), SERVER.client(service, ConformanceSetup.client(REDIRECT)),
                REDIRECT);
        SERVER.grantsmith().users().add(service.id(), "alice", PASSWORD, null, Json.parse(USER_CLAIMS), false);
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static long now() {
        return CLOCK.instant().getEpochSecond();
    }

    private static Browser browser() {
        return new Browser(SERVER.baseUrl(), SERVER.trustingContext());
    }

    /** One authorization the way the suite runs it: request, login when asked, callback, token, ID token. */
    private record Flow(Map<String, String> callback, JsonNode tokens, JsonNode idToken, Browser.Page first) {
        String accessToken() {
            return tokens.path("access_token").asText();
        }
    }

    private static Flow flow(RelyingParty party, Browser browser, String... extra) {
        String state = random();
        String nonce = random();
        Map<String, String> request = party.request(state, nonce, extra);
        Browser.Page first = browser.open(party.authorizationUrl(request));
        Browser.Page last = first.isLoginForm() ? browser.logIn(first, "alice", PASSWORD) : first;
        Map<String, String> callback = party.callback(last);
        String code = party.code(callback, state);
        JsonNode tokens = party.exchange(code, false);
        JsonNode idToken = party.idToken(tokens.path("id_token").asText(), request.get("nonce"), now());
        assertThat(idToken.path("sub").asText()).isEqualTo("alice");
        return new Flow(callback, tokens, idToken, first);
    }

    private static Flow flow(Browser browser, String... extra) {
        return flow(rp, browser, extra);
    }

    private static JsonNode userInfo(Flow flow) {
        Reply reply = rp.userInfoGet(flow.accessToken());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode claims = reply.json();
        assertThat(claims.path("sub").asText()).isEqualTo(flow.idToken().path("sub").asText());
        return claims;
    }

    // ---- oidcc-server, oidcc-idtoken-signature, oidcc-idtoken-unsigned -----------------------------------------

    @Test
    void oidccServer() {
        Browser browser = browser();
        Flow flow = flow(browser);

        assertThat(flow.first().isLoginForm()).isTrue();
        assertThat(flow.idToken().has("auth_time")).isTrue();
        assertThat(flow.idToken().path("auth_time").asLong()).isBetween(now() - 5, now());
        userInfo(flow);
    }

    @Test
    void oidccIdTokenUnsignedIsSkippedBecauseNoneIsNotAdvertised() {
        assertThat(rp.discovery.path("id_token_signing_alg_values_supported").toString()).doesNotContain("none")
                .contains("RS256");
    }

    @Test
    void oidccResponseTypeMissing() {
        String state = random();
        Browser.Page page = browser().open(rp.authorizationUrl(rp.request(state, random(), "response_type", null)));

        if (page.status() == 302) {
            assertThat(rp.error(rp.callback(page), state)).isIn("invalid_request", "unsupported_response_type");
        } else {
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("<h1>");
        }
    }

    // ---- oidcc-userinfo-get, -post-header, -post-body ----------------------------------------------------------

    @Test
    void oidccUserInfoGetPostHeaderPostBody() {
        Flow flow = flow(browser());

        for (Reply reply : List.of(rp.userInfoGet(flow.accessToken()), rp.userInfoPostHeader(flow.accessToken()),
                rp.userInfoPostBody(flow.accessToken()))) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.json().path("sub").asText()).isEqualTo("alice");
        }
    }

    // ---- oidcc-ensure-request-without-nonce-succeeds-for-code-flow ---------------------------------------------

    @Test
    void oidccEnsureRequestWithoutNonceSucceedsForCodeFlow() {
        Flow flow = flow(browser(), "nonce", null);

        assertThat(flow.idToken().has("nonce")).isFalse();
    }

    // ---- oidcc-scope-profile, -email, -address, -phone, -all; oidcc-ensure-other-scope-order-succeeds ---------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openid profile", "openid email", "openid address", "openid phone",
            "openid profile email address phone", "email openid"})
    void oidccScopes(String scope) {
        Flow flow = flow(browser(), "scope", scope);

        JsonNode claims = userInfo(flow);
        for (String requested : scope.split(" ")) {
            assertThat(rp.discovery.path("scopes_supported").toString()).contains('"' + requested + '"');
            for (String claim : ConformanceSetup.SCOPE_CLAIMS.getOrDefault(requested, List.of())) {
                assertThat(claims.has(claim)).as("VerifyScopesReturnedInUserInfoClaims: %s in %s", claim, claims)
                        .isTrue();
            }
        }
        ConformanceSetup.assertStandardClaimTypes(claims);
    }

    // ---- oidcc-display-page, -popup; oidcc-ui-locales; oidcc-claims-locales; unknown parameter; login_hint ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"display=page", "display=popup", "ui_locales=se", "claims_locales=se",
            "extra=foobar", "login_hint=alice", "ui_locales=de-CH fr en"})
    void oidccOptionalParametersSucceed(String parameter) {
        String[] pair = parameter.split("=", 2);
        Browser browser = browser();

        Flow flow = flow(browser, pair[0], pair[1]);

        assertThat(flow.first().isLoginForm()).isTrue();
        if (pair[0].equals("login_hint")) {
            assertThat(flow.first().formValues()).containsEntry("username", "alice");
        }
    }

    // ---- oidcc-prompt-login ------------------------------------------------------------------------------------

    @Test
    void oidccPromptLogin() {
        Browser browser = browser();
        Flow first = flow(browser);
        CLOCK.advance(Duration.ofSeconds(1));

        Flow second = flow(browser, "prompt", "login");

        assertThat(second.first().isLoginForm()).as("prompt=login shows the login page again").isTrue();
        assertThat(second.idToken().path("auth_time").asLong())
                .isGreaterThan(first.idToken().path("auth_time").asLong());
    }

    // ---- oidcc-prompt-none-not-logged-in, oidcc-prompt-none-logged-in -----------------------------------------

    @Test
    void oidccPromptNoneNotLoggedIn() {
        String state = random() + random() + random() + random(); // the module sends a 128-character state
        Browser.Page page = browser().open(rp.authorizationUrl(rp.request(state, random(), "prompt", "none")));

        assertThat(rp.error(rp.callback(page), state)).isIn("login_required", "interaction_required",
                "consent_required", "account_selection_required");
    }

    @Test
    void oidccPromptNoneLoggedIn() {
        Browser browser = browser();
        Flow first = flow(browser);

        Flow second = flow(browser, "prompt", "none");

        assertThat(second.first().isLoginForm()).isFalse();
        assertThat(second.idToken().path("sub")).isEqualTo(first.idToken().path("sub"));
        assertThat(second.idToken().path("auth_time")).isEqualTo(first.idToken().path("auth_time"));
    }

    // ---- oidcc-max-age-1, oidcc-max-age-10000 ------------------------------------------------------------------

    @Test
    void oidccMaxAge1() {
        Browser browser = browser();
        Flow first = flow(browser);
        CLOCK.advance(Duration.ofSeconds(2));

        Flow second = flow(browser, "max_age", "1");

        assertThat(second.first().isLoginForm()).as("ExpectSecondLoginPage").isTrue();
        assertThat(second.idToken().has("auth_time")).as("CheckIdTokenAuthTimeClaimPresentDueToMaxAge").isTrue();
        assertThat(second.idToken().path("auth_time").asLong())
                .isGreaterThan(first.idToken().path("auth_time").asLong()).isBetween(now() - 5, now());
    }

    @Test
    void oidccMaxAge10000() {
        Browser browser = browser();
        Flow first = flow(browser);

        Flow second = flow(browser, "max_age", "10000");

        assertThat(second.first().isLoginForm()).isFalse();
        assertThat(second.idToken().path("auth_time")).isEqualTo(first.idToken().path("auth_time"));
    }

    // ---- oidcc-id-token-hint -----------------------------------------------------------------------------------

    @Test
    void oidccIdTokenHint() {
        Browser browser = browser();
        Flow first = flow(browser);

        Flow second = flow(browser, "prompt", "none", "id_token_hint", first.tokens().path("id_token").asText());

        assertThat(second.idToken().path("sub")).isEqualTo(first.idToken().path("sub"));
    }

    // ---- oidcc-ensure-request-with-acr-values-succeeds ---------------------------------------------------------

    @Test
    void oidccEnsureRequestWithAcrValuesSucceeds() {
        List<String> supported = ConformanceSetup.texts(rp.discovery.path("acr_values_supported"));
        String acrValues = supported.isEmpty() ? "1 2" : String.join(" ", supported);

        Flow flow = flow(browser(), "acr_values", acrValues);

        assertThat(flow.idToken().path("acr").asText()).as("ValidateIdTokenACRClaimAgainstAcrValuesRequest")
                .isIn((Object[]) acrValues.split(" "));
    }

    @Test
    void acrValuesTheServiceDoesNotListAreIgnoredNotRefused() {
        Flow flow = flow(browser(), "acr_values", "1 2");

        assertThat(flow.idToken().has("acr")).as("%s", flow.idToken()).isTrue();
    }

    // ---- oidcc-codereuse, oidcc-codereuse-30seconds ------------------------------------------------------------

    @Test
    void oidccCodeReuse() {
        String state = random();
        Browser.Page page = browser().authorize(rp.authorizationUrl(rp.request(state, random())), "alice", PASSWORD);
        String code = rp.code(rp.callback(page), state);
        JsonNode tokens = rp.exchange(code, false);

        Reply again = rp.token("grant_type=authorization_code&code=" + Browser.encode(code) + "&redirect_uri="
                + Browser.encode(REDIRECT), false);

        // CheckTokenEndpointHttpStatus400, CheckTokenEndpointReturnedJsonContentType,
        // CheckErrorFromTokenEndpointResponseErrorInvalidGrant, ValidateErrorDescription/UriFromTokenEndpoint...
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Content-Type")).startsWith("application/json");
        assertThat(again.text("error")).isEqualTo("invalid_grant");
        assertThat(again.json().path("error_description").asText(""))
                .matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*");
        if (again.json().has("error_uri")) {
            assertThat(java.net.URI.create(again.text("error_uri")).isAbsolute()).isTrue();
        }
        // CallProtectedResourceWithBearerTokenExpectingError: the AS SHOULD have revoked the first access token
        assertThat(rp.userInfoGet(tokens.path("access_token").asText()).status()).isEqualTo(401);
    }

    /** The module's second client authorizes in the same browser: the page asks again (consent is per client). */
    @Test
    void oidccCodeReuseSecondClientInTheSameBrowser() {
        RelyingParty other = new RelyingParty(SERVER, service.id(), SERVER.client(service,
                ConformanceSetup.client(REDIRECT)), REDIRECT);
        Browser browser = browser();
        flow(rp, browser);

        Flow second = flow(other, browser);

        assertThat(second.first().isLoginForm()).isTrue();
        assertThat(second.idToken().path("aud").toString()).contains(other.client.id());
    }

    @Test
    void oidccCodeReuse30Seconds() {
        String state = random();
        Browser.Page page = browser().authorize(rp.authorizationUrl(rp.request(state, random())), "alice", PASSWORD);
        String code = rp.code(rp.callback(page), state);
        JsonNode tokens = rp.exchange(code, false);
        assertThat(rp.userInfoGet(tokens.path("access_token").asText()).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(30));

        Reply again = rp.token("grant_type=authorization_code&code=" + Browser.encode(code) + "&redirect_uri="
                + Browser.encode(REDIRECT), false);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("error")).isEqualTo("invalid_grant");
        Reply revoked = rp.userInfoGet(tokens.path("access_token").asText());
        assertThat(revoked.status()).as("the first access token is revoked (RFC 6749 §4.1.2)").isEqualTo(401);
        if (tokens.has("refresh_token")) {
            Reply refresh = rp.token("grant_type=refresh_token&refresh_token="
                    + Browser.encode(tokens.path("refresh_token").asText()), false);
            assertThat(refresh.status()).isEqualTo(400);
        }
    }

    // ---- oidcc-ensure-registered-redirect-uri ------------------------------------------------------------------

    @Test
    void oidccEnsureRegisteredRedirectUri() {
        Browser.Page page = browser().open(rp.authorizationUrl(rp.request(random(), random(), "redirect_uri",
                REDIRECT + "/" + random())));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).contains("<h1>");
    }

    // ---- oidcc-ensure-post-request-succeeds --------------------------------------------------------------------

    @Test
    void oidccEnsurePostRequestSucceeds() {
        Browser browser = browser();
        String state = random();
        String nonce = random();
        Browser.Page first = browser.post(rp.discovery.path("authorization_endpoint").asText(),
                RelyingParty.form(rp.request(state, nonce)));
        assertThat(first.isLoginForm()).as(first.body()).isTrue();

        String code = rp.code(rp.callback(browser.logIn(first, "alice", PASSWORD)), state);

        rp.idToken(rp.exchange(code, false).path("id_token").asText(), nonce, now());
    }

    // ---- oidcc-server-client-secret-post -----------------------------------------------------------------------

    @Test
    void oidccServerClientSecretPost() {
        assertThat(ConformanceSetup.texts(rp.discovery.path("token_endpoint_auth_methods_supported")))
                .contains("client_secret_basic", "client_secret_post");
        // the plan's client_secret_post variant runs with a client registered for that method
        RelyingParty post = new RelyingParty(SERVER, service.id(), SERVER.client(service,
                ConformanceSetup.client(REDIRECT) + ",\"tokenAuthMethod\":\"CLIENT_SECRET_POST\""), REDIRECT);
        String state = random();
        String nonce = random();
        Browser.Page page = browser().authorize(post.authorizationUrl(post.request(state, nonce)), "alice",
                PASSWORD);

        JsonNode tokens = post.exchange(post.code(post.callback(page), state), true);

        post.idToken(tokens.path("id_token").asText(), nonce, now());
        assertThat(post.userInfoPostBody(tokens.path("access_token").asText()).status()).isEqualTo(200);
    }

    // ---- oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported -----------------------------

    @Test
    void oidccRequestUriUnsignedIsRejectedAsUnsupported() {
        assertThat(rp.discovery.path("request_uri_parameter_supported").asBoolean(true)).isFalse();
        String state = random();
        Browser.Page page = browser().open(rp.authorizationUrl(rp.request(state, random(), "request_uri",
                "https://127.0.0.1:8443/test/a/grantsmith/requesturi/" + random())));

        assertThat(rp.error(rp.callback(page), state)).isEqualTo("request_uri_not_supported");
    }

    // ---- oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported, ---------------------------
    // ---- oidcc-ensure-request-object-with-redirect-uri ----------------------------------------------------------

    @Test
    void oidccUnsignedRequestObjectIsRejectedAsUnsupported() {
        assertThat(rp.discovery.path("request_parameter_supported").asBoolean(true)).isFalse();
        String state = random();
        Map<String, String> inside = rp.request(state, random());
        String object = ConformanceSetup.unsignedJwt(inside, rp.client.id(), rp.issuer);
        // BuildRequestObjectRedirectToAuthorizationEndpoint: the object, with the required parameters repeated
        Map<String, String> outside = rp.request(state, null, "request", object, "nonce", null);

        Browser.Page page = browser().open(rp.authorizationUrl(outside));

        assertThat(rp.error(rp.callback(page), state)).isEqualTo("request_not_supported");
    }

    /**
     * The module puts the registered redirect URI in the request object and an unregistered one in the query. A
     * provider that does not read request objects must not redirect to the unregistered one: an error page (the
     * module's placeholder for a screenshot) is the pass.
     */
    @Test
    void oidccEnsureRequestObjectWithRedirectUriShowsAnErrorPageNotTheQuerysRedirect() {
        String state = random();
        String object = ConformanceSetup.unsignedJwt(rp.request(state, random()), rp.client.id(), rp.issuer);
        Map<String, String> outside = rp.request(state, null, "request", object, "nonce", null,
                "redirect_uri", REDIRECT + "/invalid");

        Browser.Page page = browser().open(rp.authorizationUrl(outside));

        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).contains("<h1>");
    }

    // ---- oidcc-claims-essential --------------------------------------------------------------------------------

    @Test
    void oidccClaimsEssential() {
        Flow flow = flow(browser(), "claims", "{\"userinfo\":{\"name\":{\"essential\":true}}}");

        assertThat(userInfo(flow).path("name").asText()).as("EnsureUserInfoContainsName").isEqualTo("Alice Liddell");
        assertThat(flow.idToken().has("name")).as("EnsureIdTokenDoesNotContainName").isFalse();
    }

    @Test
    void essentialAcrInTheClaimsParameterIsHonoured() {
        String acr = ConformanceSetup.texts(rp.discovery.path("acr_values_supported")).get(0);

        Flow flow = flow(browser(), "claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"" + acr
                + "\"]}}}");

        assertThat(flow.idToken().path("acr").asText()).as("ValidateIdTokenACRClaimAgainstRequest").isEqualTo(acr);
    }

    // ---- oidcc-refresh-token -----------------------------------------------------------------------------------

    @Test
    void oidccRefreshToken() {
        Flow first = flow(browser(), "scope", "openid offline_access", "prompt", "consent");
        String refreshToken = first.tokens().path("refresh_token").asText();
        assertThat(refreshToken).as("%s", first.tokens()).isNotEmpty().matches("[\\x20-\\x7E]+");
        assertThat(ConformanceSetup.texts(rp.discovery.path("grant_types_supported"))).contains("refresh_token");
        CLOCK.advance(Duration.ofSeconds(1));

        Reply refreshed = rp.token("grant_type=refresh_token&refresh_token=" + Browser.encode(refreshToken)
                + "&scope=" + Browser.encode("openid offline_access"), false);

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.header("Cache-Control")).contains("no-store");
        JsonNode tokens = refreshed.json();
        assertThat(tokens.path("access_token").asText()).isNotEqualTo(first.accessToken());
        assertThat(tokens.has("id_token")).as("an ID token on refresh (issue #8): %s", tokens).isTrue();
        {
            JsonNode second = rp.idToken(tokens.path("id_token").asText(), RelyingParty.ANY_NONCE, now());
            // CompareIdTokenClaims (OpenID Connect Core §12.2)
            for (String same : List.of("iss", "sub", "aud", "auth_time", "azp", "acr")) {
                assertThat(second.path(same)).as(same).isEqualTo(first.idToken().path(same));
            }
            assertThat(second.path("iat").asLong()).isGreaterThan(first.idToken().path("iat").asLong());
        }
        assertThat(rp.userInfoGet(tokens.path("access_token").asText()).status()).isEqualTo(200);

        Flow other = flow(rp2, browser(), "scope", "openid offline_access", "prompt", "consent");
        Reply stolen = rp.token("grant_type=refresh_token&refresh_token="
                + Browser.encode(other.tokens().path("refresh_token").asText()), false);
        assertThat(stolen.status()).as("another client's refresh token").isEqualTo(400);
        assertThat(stolen.text("error")).isEqualTo("invalid_grant");
    }

    // ---- oidcc-ensure-request-with-valid-pkce-succeeds ---------------------------------------------------------

    @Test
    void oidccEnsureRequestWithValidPkceSucceeds() {
        String verifier = random() + random();
        String challenge = ConformanceSetup.s256(verifier);
        String state = random();
        Browser.Page page = browser().authorize(rp.authorizationUrl(rp.request(state, random(), "code_challenge",
                challenge, "code_challenge_method", "S256")), "alice", PASSWORD);
        String code = rp.code(rp.callback(page), state);

        Reply tokens = rp.token("grant_type=authorization_code&code=" + Browser.encode(code) + "&redirect_uri="
                + Browser.encode(REDIRECT) + "&code_verifier=" + verifier, false);

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    }
}
