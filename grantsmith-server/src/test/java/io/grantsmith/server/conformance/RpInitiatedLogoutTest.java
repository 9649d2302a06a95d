package io.grantsmith.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenID Connect RP-Initiated Logout 1.0 at the built-in provider, in the scenarios of the OpenID Foundation's
 * {@code oidcc-rp-initiated-logout-certification-test-plan}: logout with {@code id_token_hint},
 * {@code post_logout_redirect_uri} and {@code state}; with a bad or modified hint; with an unregistered URI or a
 * query added to it; without hint, without parameters, without {@code state}. After a logout the session is gone
 * ({@code prompt=none} answers {@code login_required}); after a refused one it is still there.
 */
class RpInitiatedLogoutTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite().tlsSelfSigned();

    private static final String REDIRECT = "https://127.0.0.1:8443/test/a/grantsmith/callback";
    private static final String LOGGED_OUT = "https://127.0.0.1:8443/test/a/grantsmith/post_logout_redirect";
    private static final String LOGGED_OUT_WITH_QUERY = LOGGED_OUT + "?from=grantsmith";

    private static RelyingParty rp;
    private static String logout;

    @BeforeAll
    static void createServiceClientAndUser() {
        ServiceRef service = SERVER.service(ConformanceSetup.SERVICE);
        rp = new RelyingParty(SERVER, service.id(), SERVER.client(service, ConformanceSetup.client(REDIRECT)
                + ",\"postLogoutRedirectUris\":[\"" + LOGGED_OUT + "\",\"" + LOGGED_OUT_WITH_QUERY + "\"]"),
                REDIRECT);
        SERVER.grantsmith().users().add(service.id(), "alice", OidccBasicPlanTest.PASSWORD, null,
                Json.parse(OidccBasicPlanTest.USER_CLAIMS), false);
        logout = rp.discovery.path("end_session_endpoint").asText();
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Logs in and returns the ID token the code exchange gave. */
    private static String logIn(Browser browser) {
        String state = random();
        Browser.Page page = browser.authorize(rp.authorizationUrl(rp.request(state, random())), "alice",
                OidccBasicPlanTest.PASSWORD);
        return rp.exchange(rp.code(rp.callback(page), state), false).path("id_token").asText();
    }

    /** Whether the browser still has a session: {@code prompt=none} succeeds, or answers {@code login_required}. */
    private static boolean hasSession(Browser browser) {
        String state = random();
        Map<String, String> callback = rp.callback(browser.open(rp.authorizationUrl(rp.request(state, random(),
                "prompt", "none"))));
        if (callback.containsKey("code")) {
            return true;
        }
        assertThat(rp.error(callback, state)).isEqualTo("login_required");
        return false;
    }

    private static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            query.append(query.length() == 0 ? "?" : "&").append(pairs[i]).append('=')
                    .append(Browser.encode(pairs[i + 1]));
        }
        return query.toString();
    }

    @Test
    void discoveryAdvertisesTheEndSessionEndpoint() {
        assertThat(logout).isEqualTo(rp.issuer + "/logout");
    }

    @Test
    void oidccRpInitiatedLogout() {
        Browser browser = browser();
        String idToken = logIn(browser);
        String state = random();

        Browser.Page page = browser.open(logout + query("id_token_hint", idToken, "post_logout_redirect_uri",
                LOGGED_OUT, "state", state));

        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(page.location()).isEqualTo(LOGGED_OUT + "?state=" + state);
        assertThat(hasSession(browser)).isFalse();
    }

    @Test
    void oidccRpInitiatedLogoutByPostWithAQueryInTheRegisteredUri() {
        Browser browser = browser();
        String idToken = logIn(browser);

        Browser.Page page = browser.post(logout, "id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + Browser.encode(LOGGED_OUT_WITH_QUERY) + "&state=s%201");

        assertThat(page.location()).isEqualTo(LOGGED_OUT_WITH_QUERY + "&state=s+1");
        assertThat(hasSession(browser)).isFalse();
    }

    @Test
    void oidccRpInitiatedLogoutNoState() {
        Browser browser = browser();
        String idToken = logIn(browser);

        Browser.Page page = browser.open(logout + query("id_token_hint", idToken, "post_logout_redirect_uri",
                LOGGED_OUT));

        assertThat(page.location()).isEqualTo(LOGGED_OUT);
    }

    /** Without an id_token_hint the provider MUST ask the user (RP-Initiated Logout §2): a page, then the redirect. */
    @Test
    void oidccRpInitiatedLogoutNoIdTokenHintAsksThenRedirects() {
        Browser browser = browser();
        logIn(browser);

        Browser.Page question = browser.open(logout + query("client_id", rp.client.id(), "post_logout_redirect_uri",
                LOGGED_OUT, "state", "x"));

        assertThat(question.status()).isEqualTo(200);
        assertThat(question.body()).contains("<h1>Sign out?</h1>").doesNotContain("<script");
        assertThat(hasSession(browser)).as("not signed out before the user says so").isTrue();
        Browser.Page page = browser.submit(question);
        assertThat(page.location()).isEqualTo(LOGGED_OUT + "?state=x");
        assertThat(hasSession(browser)).isFalse();
    }

    @Test
    void oidccRpInitiatedLogoutNoParamsAndOnlyStateAskThenShowTheSignedOutPage() {
        for (String parameters : new String[] {"", query("state", "x")}) {
            Browser browser = browser();
            logIn(browser);

            Browser.Page page = browser.submit(browser.open(logout + parameters));

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.location()).isNull();
            assertThat(page.body()).contains("<h1>You are signed out</h1>");
            assertThat(hasSession(browser)).isFalse();
        }
    }

    @Test
    void whenThereIsNoSessionThenNothingIsAsked() {
        Browser.Page page = browser().open(logout);

        assertThat(page.body()).contains("<h1>You are signed out</h1>");
    }

    @Test
    void whenALogoutArrivesWithoutTheSessionCookieThenItDeletesNoCookie() {
        // A cross-site POST does not carry the SameSite=Lax session cookie; its answer must not delete the cookie
        // either (browsers apply Set-Cookie on top-level navigations), or any site could sign the user out.
        Browser.Page page = browser().post(logout, "state=x");

        assertThat(page.body()).contains("<h1>You are signed out</h1>");
        assertThat(page.setCookies()).noneMatch(cookie -> cookie.contains("session"));
    }

    @Test
    void whenTheConfirmationIsForgedThenA400AndTheSessionStays() {
        Browser browser = browser();
        logIn(browser);
        Browser.Page question = browser.open(logout + query("state", "x"));
        java.util.Map<String, String> fields = question.formValues();

        Browser.Page forged = browser.post(logout, "gs_logout=" + Browser.encode(fields.get("gs_logout"))
                + "&gs_csrf=forged");
        Browser.Page otherBrowser = browser().post(logout, "gs_logout=" + Browser.encode(fields.get("gs_logout"))
                + "&gs_csrf=" + Browser.encode(fields.get("gs_csrf")));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(otherBrowser.status()).as("the token is bound to this browser's cookie").isEqualTo(400);
        assertThat(hasSession(browser)).isTrue();
    }

    @Test
    void oidccRpInitiatedLogoutNoPostLogoutRedirectUri() {
        Browser browser = browser();
        String idToken = logIn(browser);

        Browser.Page page = browser.open(logout + query("id_token_hint", idToken, "state", "x"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(hasSession(browser)).isFalse();
    }

    @Test
    void oidccRpInitiatedLogoutBadLogoutRedirectUriAndQueryAddedAreRefusedWithAPage() {
        for (String uri : new String[] {LOGGED_OUT + "/other", LOGGED_OUT + "?added=1", REDIRECT}) {
            Browser browser = browser();
            String idToken = logIn(browser);

            Browser.Page page = browser.open(logout + query("id_token_hint", idToken, "post_logout_redirect_uri",
                    uri, "state", "x"));

            assertThat(page.status()).as(uri).isEqualTo(400);
            assertThat(page.location()).isNull();
            assertThat(page.body()).contains("post_logout_redirect_uri");
            assertThat(hasSession(browser)).as("a refused logout keeps the session").isTrue();
        }
    }

    @Test
    void oidccRpInitiatedLogoutBadAndModifiedIdTokenHintAreRefused() {
        Browser browser = browser();
        String idToken = logIn(browser);
        String[] parts = idToken.split("\\.");
        String modified = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "Bw" : "Aw") + "." + parts[2];

        for (String hint : new String[] {"not-a-jwt", modified}) {
            Browser.Page page = browser.open(logout + query("id_token_hint", hint, "post_logout_redirect_uri",
                    LOGGED_OUT, "state", "x"));

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.location()).isNull();
            assertThat(page.body()).contains("id_token_hint");
        }
        assertThat(hasSession(browser)).isTrue();
    }

    @Test
    void aClientIdThatIsNotTheHintsAudienceIsRefused() {
        Browser browser = browser();
        String idToken = logIn(browser);

        Browser.Page page = browser.open(logout + query("id_token_hint", idToken, "client_id", "12345",
                "post_logout_redirect_uri", LOGGED_OUT));

        assertThat(page.status()).isEqualTo(400);
        assertThat(hasSession(browser)).isTrue();
    }

    private static Browser browser() {
        return new Browser(SERVER.baseUrl(), SERVER.trustingContext());
    }
}
