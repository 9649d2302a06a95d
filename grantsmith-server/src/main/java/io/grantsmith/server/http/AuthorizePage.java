package io.grantsmith.server.http;

import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.facade.discovery.PublicUrl;
import io.grantsmith.facade.login.AuthorizationBackend;
import io.grantsmith.facade.login.AuthorizeOutcome;
import io.grantsmith.facade.login.AuthorizeOutcome.Session;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code GET|POST /as/{serviceId}/authorize}: the built-in authorization server's authorization endpoint, a thin
 * HTTP edge over {@link AuthorizationBackend}. It reads the request and the cookies, and renders the outcome: a
 * redirect to the client, the {@code form_post} page, the login and consent page, or an error page that never
 * redirects. Cookies are {@code HttpOnly} and {@code SameSite=Lax}; over TLS (to this server, or behind a proxy
 * when the public URL is https) they are {@code Secure} and carry the {@code __Host-} prefix, which keeps
 * subdomains and plain-HTTP pages from setting them.
 */
final class AuthorizePage {
    /** An authorization request or a login post is at most a few kilobytes; request objects are not supported. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String SESSION_COOKIE = "gs_session_";
    static final String CSRF_COOKIE = "gs_csrf";
    private static final String SECURE_PREFIX = "__Host-";
    /** Pages must not be framed (clickjacking), cached, or leak their URL (which may carry the page state). */
    private static final String[] PAGE_HEADERS = {
        "Cache-Control", "no-store", "Pragma", "no-cache", "X-Frame-Options", "DENY",
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
                + "base-uri 'none'",
        "Referrer-Policy", "no-referrer", "X-Content-Type-Options", "nosniff"};

    private final AuthorizationBackend backend;
    private final PublicUrl publicUrl;

    AuthorizePage(AuthorizationBackend backend, PublicUrl publicUrl) {
        this.backend = backend;
        this.publicUrl = publicUrl;
    }

    void register(Router router) {
        router.add(new Route("GET", "/as/{serviceId}/authorize", "/as/authorize", this::get));
        router.add(new Route("POST", "/as/{serviceId}/authorize", "/as/authorize", this::post));
    }

    private void get(Exchange exchange) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        boolean secure = isSecure(exchange);
        String query = exchange.rawQuery();
        FormParameters parameters = parse(query);
        if (parameters != null && parameters.optional(HtmlPages.DENY_PARAMETER) != null) {
            answer(exchange, serviceId, secure, backend.deny(serviceId, parameters.optional(HtmlPages.STATE_FIELD),
                    parameters.optional(HtmlPages.CSRF_FIELD), exchange.cookie(cookieName(CSRF_COOKIE, secure))));
            return;
        }
        authorize(exchange, serviceId, secure, query == null ? "" : query);
    }

    private void post(Exchange exchange) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        String body = new String(exchange.body(MAX_BODY_BYTES), StandardCharsets.UTF_8); // before anything else
        boolean secure = isSecure(exchange);
        if (!MediaTypes.FORM.equals(MediaTypes.essence(exchange.header(HttpHeader.CONTENT_TYPE)))) {
            answer(exchange, serviceId, secure, new AuthorizeOutcome.ErrorPage(400, "invalid_request",
                    "An authorization request sent by POST must be application/x-www-form-urlencoded."));
            return;
        }
        FormParameters form = parse(body);
        if (form != null && form.optional(HtmlPages.STATE_FIELD) != null) {
            answer(exchange, serviceId, secure, backend.login(serviceId, form.optional(HtmlPages.STATE_FIELD),
                    form.optional(HtmlPages.CSRF_FIELD), exchange.cookie(cookieName(CSRF_COOKIE, secure)),
                    form.optional("username"), form.optional("password")));
            return;
        }
        authorize(exchange, serviceId, secure, body);
    }

    private void authorize(Exchange exchange, long serviceId, boolean secure, String parameters) {
        answer(exchange, serviceId, secure, backend.authorize(serviceId, parameters,
                exchange.cookie(cookieName(SESSION_COOKIE + serviceId, secure)),
                exchange.cookie(cookieName(CSRF_COOKIE, secure))));
    }

    private void answer(Exchange exchange, long serviceId, boolean secure, AuthorizeOutcome outcome) {
        // Java 17 has no pattern switch: an instanceof chain over the sealed type, ending in a throw
        if (outcome instanceof AuthorizeOutcome.ErrorPage page) {
            sendHtml(exchange, page.status(), HtmlPages.error(page.status(), page.error(), page.description()));
        } else if (outcome instanceof AuthorizeOutcome.Redirect redirect) {
            setSession(exchange, serviceId, secure, redirect.session());
            exchange.send(302, null, new byte[0], "Location", redirect.location(), "Cache-Control", "no-store",
                    "Pragma", "no-cache");
        } else if (outcome instanceof AuthorizeOutcome.FormPost form) {
            setSession(exchange, serviceId, secure, form.session());
            exchange.send(200, "text/html;charset=UTF-8", form.html().getBytes(StandardCharsets.UTF_8),
                    "Cache-Control", "no-store", "Pragma", "no-cache");
        } else if (outcome instanceof AuthorizeOutcome.LoginPage page) {
            exchange.addCookie(cookie(CSRF_COOKIE, page.csrfCookie(), secure, -1));
            sendHtml(exchange, page.status(), HtmlPages.login(serviceId, page.view(), page.message()));
        } else {
            throw new IllegalStateException("unmapped outcome " + outcome);
        }
    }

    private static void setSession(Exchange exchange, long serviceId, boolean secure, Session session) {
        if (session != null) {
            exchange.addCookie(cookie(SESSION_COOKIE + serviceId, session.cookieValue(), secure,
                    session.maxAgeSeconds()));
        }
    }

    static void sendHtml(Exchange exchange, int status, String html) {
        exchange.send(status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), PAGE_HEADERS);
    }

    /** A {@code Set-Cookie} value; {@code maxAgeSeconds} -1 for a cookie that ends with the browser session. */
    static String cookie(String name, String value, boolean secure, long maxAgeSeconds) {
        return cookieName(name, secure) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "") + (secure ? "; Secure" : "");
    }

    static String cookieName(String name, boolean secure) {
        return secure ? SECURE_PREFIX + name : name;
    }

    /** Over TLS to this server, or behind a TLS-terminating proxy whose URL is the public URL. */
    private boolean isSecure(Exchange exchange) {
        return exchange.isSecure() || publicUrl.value().map(url -> url.startsWith("https:")).orElse(false);
    }

    private static FormParameters parse(String encoded) {
        try {
            return encoded == null ? null : FormParameters.parse(encoded);
        } catch (MalformedParametersException | IllegalArgumentException e) {
            return null; // the authorization API answers a malformed request itself
        }
    }
}
