package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code /as/{id}/authorize} on the wire: pages, cookies, CSRF, sessions and prompts. */
class AuthorizePageTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final String REDIRECT = "https://client.example/cb";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceClientAndUser() {
        service = SERVER.service(",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"read\"}]");
        client = SERVER.client(service, ",\"clientName\":\"Notes & Co\",\"redirectUris\":[\"" + REDIRECT + "\"]");
        SERVER.user(service, "alice", "correct horse");
    }

    private static String authorizePath(String extra) {
        return authorizePath("xyz", extra);
    }

    private static String authorizePath(String state, String extra) {
        return "/as/" + service.id() + "/authorize?response_type=code&client_id=" + client.id() + "&redirect_uri="
                + enc(REDIRECT) + "&scope=openid%20read&state=" + state + "&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256" + extra;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The login page: status 200, the fields a browser robot fills, the client and the scopes, a CSRF cookie. */
    @Test
    void whenNoSessionThenTheLoginPageShowsTheClientScopesAndForm() {
        Reply page = SERVER.get(authorizePath("")).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body()).contains("<html lang=\"en\">", "name=\"username\"", "name=\"password\"",
                "<label for=\"username\">", "<label for=\"password\">", "Notes &amp; Co", "<code>read</code>",
                "<code>openid</code>");
        assertThat(count(page.body(), "<h1")).isEqualTo(1);
        assertThat(count(page.body(), "type=\"submit\"")).isEqualTo(1);
        assertThat(page.body()).doesNotContain("<script", "http://", "https://");
        assertThat(csrfCookie(page)).isNotNull();
        assertThat(page.headers("Set-Cookie").get(0)).contains("HttpOnly", "SameSite=Lax", "Path=/")
                .doesNotContain("Secure");
    }

    @Test
    void whenTheRedirectUriIsNotRegisteredThenAnErrorPageAndNoRedirect() {
        Reply page = SERVER.get("/as/" + service.id() + "/authorize?response_type=code&client_id=" + client.id()
                + "&redirect_uri=" + enc("https://attacker.example/cb") + "&state=xyz").send();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>", "invalid_request").doesNotContain("attacker.example/cb?");
    }

    @Test
    void whenTheClientIsUnknownThenAnErrorPage() {
        Reply page = SERVER.get("/as/" + service.id() + "/authorize?response_type=code&client_id=999999"
                + "&redirect_uri=" + enc(REDIRECT)).send();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
    }

    @Test
    void whenThePasswordIsRightThenRedirectWithCodeAndStateAndASessionCookie() {
        Reply page = SERVER.get(authorizePath("")).send();

        Reply done = login(page, csrfCookie(page), "alice", "correct horse");

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).startsWith(REDIRECT + "?code=").contains("&state=xyz");
        String session = sessionCookieHeader(done);
        assertThat(session).contains("HttpOnly", "SameSite=Lax", "Max-Age=");
    }

    @Test
    void whenThePasswordIsWrongThenThePageAgainWithAnError() {
        Reply page = SERVER.get(authorizePath("")).send();

        Reply again = login(page, csrfCookie(page), "alice", "wrong");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("role=\"alert\"", "username or password is wrong", "name=\"password\"");
        assertThat(again.header("Location")).isNull();
    }

    @Test
    void whenTheCsrfTokenIsForgedOrTheCookieMissingThenA400PageAndNoRedirect() {
        Reply page = SERVER.get(authorizePath("")).send();
        String state = field(page.body(), "gs_page");

        Reply forged = SERVER.post("/as/" + service.id() + "/authorize").header("Cookie", csrfCookie(page))
                .form("gs_page=" + enc(state) + "&gs_csrf=forged&username=alice&password=" + enc("correct horse"))
                .send();
        Reply noCookie = SERVER.post("/as/" + service.id() + "/authorize").form("gs_page=" + enc(state)
                + "&gs_csrf=" + enc(field(page.body(), "gs_csrf")) + "&username=alice&password="
                + enc("correct horse")).send();
        Reply otherCookie = login(page, "gs_csrf=someone-elses-cookie-value", "alice", "correct horse");

        for (Reply refused : new Reply[] {forged, noCookie, otherCookie}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Location")).isNull();
            assertThat(refused.body()).contains("CSRF");
        }
    }

    @Test
    void whenTheStateFieldIsAlteredThenA400Page() {
        Reply page = SERVER.get(authorizePath("")).send();
        String state = field(page.body(), "gs_page");
        String altered = (state.charAt(20) == 'A' ? "B" : "A");
        altered = state.substring(0, 20) + altered + state.substring(21);

        Reply refused = SERVER.post("/as/" + service.id() + "/authorize").header("Cookie", csrfCookie(page))
                .form("gs_page=" + enc(altered) + "&gs_csrf=" + enc(field(page.body(), "gs_csrf"))
                        + "&username=alice&password=" + enc("correct horse")).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Location")).isNull();
    }

    @Test
    void whenASessionExistsThenTheNextAuthorizationIsSilent() {
        String session = loggedInSession();

        Reply silent = SERVER.get(authorizePath("second", "")).header("Cookie", session).send();

        assertThat(silent.status()).isEqualTo(302);
        assertThat(silent.header("Location")).startsWith(REDIRECT + "?code=").contains("state=second");
    }

    @Test
    void whenPromptIsLoginOrMaxAgeIsExceededThenTheLoginPageDespiteTheSession() {
        String session = loggedInSession();

        Reply promptLogin = SERVER.get(authorizePath("&prompt=login")).header("Cookie", session).send();
        Reply maxAgeZero = SERVER.get(authorizePath("&max_age=0")).header("Cookie", session).send();

        assertThat(promptLogin.status()).isEqualTo(200);
        assertThat(promptLogin.body()).contains("name=\"password\"");
        assertThat(maxAgeZero.status()).isEqualTo(200);
        assertThat(maxAgeZero.body()).contains("name=\"password\"");
    }

    @Test
    void whenPromptIsNoneWithoutSessionThenLoginRequiredAtTheClient() {
        Reply answer = SERVER.get(authorizePath("&prompt=none")).send();

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).startsWith(REDIRECT + "?error=login_required").contains("state=xyz");
    }

    @Test
    void whenPromptIsNoneWithASessionThenACode() {
        String session = loggedInSession();

        Reply answer = SERVER.get(authorizePath("&prompt=none")).header("Cookie", session).send();

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).startsWith(REDIRECT + "?code=");
    }

    @Test
    void whenPromptIsNoneAndMaxAgeIsExceededThenLoginRequired() {
        String session = loggedInSession();

        Reply answer = SERVER.get(authorizePath("&prompt=none&max_age=0")).header("Cookie", session).send();

        assertThat(answer.header("Location")).startsWith(REDIRECT + "?error=login_required");
    }

    @Test
    void whenTheSessionCookieIsForgedThenItCountsAsNoSession() {
        Reply answer = SERVER.get(authorizePath("&prompt=none"))
                .header("Cookie", "gs_session_" + service.id() + "=bm90LXNlYWxlZA").send();

        assertThat(answer.header("Location")).startsWith(REDIRECT + "?error=login_required");
    }

    @Test
    void whenTheUserFollowsTheCancelLinkThenAccessDenied() {
        Reply page = SERVER.get(authorizePath("")).send();
        Matcher link = Pattern.compile("href=\"(/as/[^\"]+gs_deny[^\"]+)\"").matcher(page.body());
        assertThat(link.find()).isTrue();

        Reply denied = SERVER.get(link.group(1).replace("&amp;", "&")).header("Cookie", csrfCookie(page)).send();
        Reply forged = SERVER.get(link.group(1).replace("&amp;", "&")).send();

        assertThat(denied.status()).isEqualTo(302);
        assertThat(denied.header("Location")).startsWith(REDIRECT + "?error=access_denied");
        assertThat(forged.status()).isEqualTo(400);
    }

    @Test
    void whenAuthorizationIsPostedAsAFormThenTheSamePage() {
        String query = authorizePath("");
        Reply page = SERVER.post("/as/" + service.id() + "/authorize").form(query.substring(query.indexOf('?') + 1))
                .send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"");
    }

    @Test
    void whenTheIdTokenHintNamesAnotherUserThanTheSessionThenLoginRequired() {
        String session = loggedInSession();

        Reply other = SERVER.get(authorizePath("&prompt=none&id_token_hint=" + hint("bob")))
                .header("Cookie", session).send();
        Reply same = SERVER.get(authorizePath("&prompt=none&id_token_hint=" + hint("alice")))
                .header("Cookie", session).send();

        assertThat(other.header("Location")).startsWith(REDIRECT + "?error=login_required");
        assertThat(same.header("Location")).startsWith(REDIRECT + "?code=");
    }

    /** The README's first session, step 7: a public client of a service made as step 1 makes it, PKCE, no secret. */
    @Test
    void whenTheReadmeStepsAreFollowedThenThePublicClientGetsTokens() {
        ServiceRef readmeService = SERVER.service(",\"supportedGrantTypes\":[\"CLIENT_CREDENTIALS\",\"PASSWORD\","
                + "\"REFRESH_TOKEN\",\"AUTHORIZATION_CODE\"]");
        SERVER.user(readmeService, "alice", "correct horse");
        ClientRef app = SERVER.client(readmeService, ",\"clientName\":\"My App\",\"clientType\":\"PUBLIC\","
                + "\"tokenAuthMethod\":\"NONE\",\"grantTypes\":[\"AUTHORIZATION_CODE\"],"
                + "\"redirectUris\":[\"http://127.0.0.1:9000/cb\"]");
        Reply page = SERVER.get("/as/" + readmeService.id() + "/authorize?response_type=code&client_id=" + app.id()
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9000%2Fcb&scope=read&state=s1&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256").send();
        assertThat(page.status()).as(page.body()).isEqualTo(200);

        Reply done = SERVER.post("/as/" + readmeService.id() + "/authorize").header("Cookie", csrfCookie(page))
                .form("gs_page=" + enc(field(page.body(), "gs_page")) + "&gs_csrf=" + enc(field(page.body(), "gs_csrf"))
                        + "&username=alice&password=" + enc("correct horse")).send();
        assertThat(done.header("Location")).startsWith("http://127.0.0.1:9000/cb?code=").contains("state=s1");
        String code = done.header("Location").replaceAll(".*[?&]code=([^&]+).*", "$1");

        Reply tokens = SERVER.post("/as/" + readmeService.id() + "/token").form("grant_type=authorization_code"
                + "&client_id=" + app.id() + "&code=" + code + "&redirect_uri=" + enc("http://127.0.0.1:9000/cb")
                + "&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").send();
        tokens.assertJson(200);
        assertThat(tokens.text("access_token")).isNotBlank();
    }

    /** An ID token of the service for {@code subject}, as a hint (only its signature and {@code sub} matter). */
    private static String hint(String subject) {
        io.grantsmith.core.jose.SigningAlgorithm algorithm = SERVER.grantsmith().jwtSigner()
                .algorithms(service.id()).iterator().next();
        return SERVER.grantsmith().jwtSigner().sign(service.id(), algorithm, java.util.Map.of(),
                java.util.Map.of("iss", "test", "sub", subject, "aud", client.id())).compact();
    }

    // ---- helpers

    private static String loggedInSession() {
        Reply page = SERVER.get(authorizePath("")).send();
        Reply done = login(page, csrfCookie(page), "alice", "correct horse");
        assertThat(done.status()).isEqualTo(302);
        String header = sessionCookieHeader(done);
        return header.substring(0, header.indexOf(';'));
    }

    private static Reply login(Reply page, String cookie, String username, String password) {
        return SERVER.post("/as/" + service.id() + "/authorize").header("Cookie", cookie)
                .form("gs_page=" + enc(field(page.body(), "gs_page")) + "&gs_csrf="
                        + enc(field(page.body(), "gs_csrf")) + "&username=" + enc(username) + "&password="
                        + enc(password)).send();
    }

    /** {@code gs_csrf=value}, from the page's Set-Cookie. */
    static String csrfCookie(Reply page) {
        return page.headers("Set-Cookie").stream().filter(c -> c.startsWith("gs_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    private static String sessionCookieHeader(Reply reply) {
        return reply.headers("Set-Cookie").stream().filter(c -> c.startsWith("gs_session_" + service.id() + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + reply.headers()));
    }

    static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden field %s", name).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
