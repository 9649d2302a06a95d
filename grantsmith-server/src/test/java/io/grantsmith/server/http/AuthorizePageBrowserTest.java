package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login page in a real browser: Debian's headless Chromium driven by Selenium through chromedriver (CI installs
 * both, see {@code .ci/run}). It fills the form by the input names the OpenID conformance suite uses, submits it with
 * the one submit button, follows the redirect to a loopback redirect URI and exchanges the code at
 * {@code /as/{id}/token}; a second authorization is silent, and a bad {@code redirect_uri} ends on the error page,
 * never at that URI.
 */
class AuthorizePageBrowserTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static HttpServer redirectTarget;
    private static String redirectUri;
    private static ServiceRef service;
    private static ClientRef client;
    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        // the client's redirect URI: a tiny page on loopback, so the browser lands somewhere real
        redirectTarget = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirectTarget.createContext("/cb", exchange -> {
            byte[] body = "<!DOCTYPE html><html lang=\"en\"><title>Client</title><h1>Back at the client</h1></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        redirectTarget.start();
        redirectUri = "http://127.0.0.1:" + redirectTarget.getAddress().getPort() + "/cb";
        service = SERVER.service(",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"read\"}],"
                + "\"supportedGrantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]");
        client = SERVER.client(service, ",\"clientName\":\"Browser Test App\",\"redirectUris\":[\"" + redirectUri
                + "\"],\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]");
        SERVER.user(service, "alice", "correct horse battery");

        profile = Files.createTempDirectory("grantsmith-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (redirectTarget != null) {
                redirectTarget.stop(0);
            }
            deleteQuietly(profile);
        }
    }

    private static String authorizeUrl(String redirect, String state) {
        return SERVER.baseUrl() + "/as/" + service.id() + "/authorize?response_type=code&client_id=" + client.id()
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&scope=openid%20read&state="
                + state + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
    }

    @Test
    void whenTheUserSignsInThenTheBrowserLandsAtTheClientWithCodeAndStateAndTheNextTimeSilently() {
        browser.manage().deleteAllCookies();
        browser.get(authorizeUrl(redirectUri, "first"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Browser Test App", "read");
        List<org.openqa.selenium.WebElement> submits = browser.findElements(By.cssSelector(
                "button[type=submit], input[type=submit]"));
        assertThat(submits).hasSize(1);
        browser.findElement(By.name("username")).sendKeys("alice");
        browser.findElement(By.name("password")).sendKeys("correct horse battery");
        submits.get(0).click();
        waitUntilAt(redirectUri);

        URI landed = URI.create(browser.getCurrentUrl());
        assertThat(landed.getQuery()).contains("state=first").containsPattern("code=[A-Za-z0-9_-]{20,}");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Back at the client");

        // the client exchanges the code at the built-in token endpoint, with the PKCE verifier
        String code = landed.getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
        Reply tokens = SERVER.asToken(service, client, "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&code_verifier="
                + VERIFIER);
        tokens.assertJson(200);
        assertThat(tokens.text("access_token")).isNotBlank();
        assertThat(tokens.text("id_token")).isNotBlank();
        assertThat(tokens.text("scope")).contains("openid", "read");

        browser.get(authorizeUrl(redirectUri, "second")); // the session cookie makes it silent
        waitUntilAt(redirectUri);
        assertThat(URI.create(browser.getCurrentUrl()).getQuery()).contains("state=second", "code=");
    }

    @Test
    void whenThePasswordIsWrongThenThePageSaysSoAndStays() {
        browser.manage().deleteAllCookies();
        browser.get(authorizeUrl(redirectUri, "wrong"));
        browser.findElement(By.name("username")).sendKeys("alice");
        browser.findElement(By.name("password")).sendKeys("not it");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("wrong");
        assertThat(browser.getCurrentUrl()).startsWith(SERVER.baseUrl());
    }

    @Test
    void whenTheRedirectUriIsNotRegisteredThenTheErrorPageAndTheBrowserStaysHere() {
        browser.manage().deleteAllCookies();
        browser.get(authorizeUrl("http://127.0.0.1:9/elsewhere", "bad"));

        assertThat(browser.getCurrentUrl()).startsWith(SERVER.baseUrl());
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("cannot be completed");
        assertThat(browser.findElements(By.name("password"))).isEmpty();
    }

    private static void waitUntilAt(String prefix) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().startsWith(prefix));
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
