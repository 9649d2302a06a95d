package io.grantsmith.server.conformance;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * What the conformance suite's browser does with the built-in provider: it opens the authorization URL, fills the
 * login form's {@code username} and {@code password} and presses its one submit button, keeps the cookies the
 * server sets (HttpOnly, Secure, {@code __Host-} over TLS) and stops at the redirect back to the client.
 */
final class Browser {
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input ([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)(?:=\"([^\"]*)\")?");

    private final HttpClient http;
    private final String origin;

    Browser(String origin, SSLContext tls) {
        this.origin = origin;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** A page or redirect the browser got. */
    record Page(int status, String location, String body, java.util.List<String> setCookies) {
        boolean isLoginForm() {
            return status == 200 && body.contains("name=\"password\"");
        }

        /** The login form's input values by name (hidden fields, and the prefilled username if any). */
        Map<String, String> formValues() {
            Matcher form = FORM.matcher(body);
            if (!form.find()) {
                throw new AssertionError("no login form on the page: " + body);
            }
            Map<String, String> values = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                Matcher attribute = ATTRIBUTE.matcher(input.group(1));
                while (attribute.find()) {
                    attributes.put(attribute.group(1), attribute.group(2) == null ? "" : unescape(attribute.group(2)));
                }
                if (attributes.containsKey("name")) {
                    values.put(attributes.get("name"), attributes.getOrDefault("value", ""));
                }
            }
            return values;
        }

        String formAction() {
            Matcher form = FORM.matcher(body);
            if (!form.find()) {
                throw new AssertionError("no login form on the page: " + body);
            }
            return unescape(form.group(1));
        }
    }

    Page open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A form post to {@code url}, as a page's auto-submitting or the client's own form does. */
    Page post(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Fills the login form on {@code page} (keeping its other fields) and presses the submit button. */
    Page logIn(Page page, String username, String password) {
        Map<String, String> values = page.formValues();
        values.put("username", username);
        values.put("password", password);
        StringBuilder form = new StringBuilder();
        values.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return post(origin + page.formAction(), form.toString());
    }

    /** Presses the one button of the form on {@code page}, posting its fields as they are. */
    Page submit(Page page) {
        StringBuilder form = new StringBuilder();
        page.formValues().forEach((name, value) -> form.append(form.length() == 0 ? "" : "&").append(encode(name))
                .append('=').append(encode(value)));
        return post(origin + page.formAction(), form.toString());
    }

    /**
     * Opens {@code url} and, when the login page shows, logs in: what the suite's browser script does for every
     * module that expects a successful authorization.
     */
    Page authorize(String url, String username, String password) {
        Page page = open(url);
        return page.isLoginForm() ? logIn(page, username, password) : page;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), response.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
