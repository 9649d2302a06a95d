package io.grantsmith.server.http;

import io.grantsmith.facade.discovery.PublicUrl;
import io.grantsmith.facade.login.LogoutBackend;
import io.grantsmith.facade.login.LogoutOutcome;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code GET|POST /as/{serviceId}/logout}: the built-in server's {@code end_session_endpoint} (OpenID Connect
 * RP-Initiated Logout 1.0), a thin HTTP edge over {@link LogoutBackend}. The browser's session for the service ends
 * by deleting its cookie (the session exists nowhere else); then the browser goes back to the client's registered
 * {@code post_logout_redirect_uri} with {@code state}, or sees a "signed out" page. Without a hint of the
 * logged-in user, a page with one "Sign out" button asks first. A refused request (a forged hint, an unregistered
 * URI, a forged confirmation) shows an error page and leaves the session as it was.
 */
final class LogoutPage {
    private final LogoutBackend backend;
    private final PublicUrl publicUrl;

    LogoutPage(LogoutBackend backend, PublicUrl publicUrl) {
        this.backend = backend;
        this.publicUrl = publicUrl;
    }

    void register(Router router) {
        router.add(new Route("GET", "/as/{serviceId}/logout", "/as/logout", this::get));
        router.add(new Route("POST", "/as/{serviceId}/logout", "/as/logout", this::post));
    }

    private void get(Exchange exchange) {
        logout(exchange, exchange.rawQuery());
    }

    private void post(Exchange exchange) {
        String body = new String(exchange.body(AuthorizePage.MAX_BODY_BYTES), StandardCharsets.UTF_8);
        if (!MediaTypes.FORM.equals(MediaTypes.essence(exchange.header(HttpHeader.CONTENT_TYPE)))) {
            answer(exchange, false, new LogoutOutcome.ErrorPage(400, "invalid_request",
                    "A logout request sent by POST must be application/x-www-form-urlencoded."), false);
            return;
        }
        logout(exchange, body);
    }

    private void logout(Exchange exchange, String parameters) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        boolean secure = exchange.isSecure() || publicUrl.value().map(url -> url.startsWith("https:")).orElse(false);
        String sessionCookie = exchange.cookie(AuthorizePage.cookieName(AuthorizePage.SESSION_COOKIE + serviceId,
                secure));
        LogoutOutcome outcome = backend.logout(serviceId, parameters, sessionCookie,
                exchange.cookie(AuthorizePage.cookieName(AuthorizePage.CSRF_COOKIE, secure)));
        answer(exchange, secure, outcome, sessionCookie != null);
    }

    /**
     * @param hadSession whether the request carried the session cookie. Only then is the cookie deleted: a
     *                   cross-site POST arrives without the SameSite=Lax cookie and must not sign the browser out
     *                   by the deleting Set-Cookie of its answer, which browsers apply on top-level navigations.
     */
    private void answer(Exchange exchange, boolean secure, LogoutOutcome outcome, boolean hadSession) {
        if (outcome instanceof LogoutOutcome.ErrorPage page) {
            AuthorizePage.sendHtml(exchange, page.status(), HtmlPages.error(page.status(), page.error(),
                    page.description()));
            return;
        }
        if (outcome instanceof LogoutOutcome.Confirm confirm) {
            exchange.addCookie(AuthorizePage.cookie(AuthorizePage.CSRF_COOKIE, confirm.csrfCookie(), secure, -1));
            AuthorizePage.sendHtml(exchange, 200, HtmlPages.logoutConfirmation(
                    ApiAuthentication.serviceIdOf(exchange), confirm.sealedRequest(), confirm.csrfToken()));
            return;
        }
        if (hadSession) {
            exchange.addCookie(AuthorizePage.cookie(AuthorizePage.SESSION_COOKIE
                    + ApiAuthentication.serviceIdOf(exchange), "", secure, 0));
        }
        if (outcome instanceof LogoutOutcome.Redirect redirect) {
            exchange.send(302, null, new byte[0], "Location", redirect.location(), "Cache-Control", "no-store",
                    "Pragma", "no-cache");
        } else if (outcome instanceof LogoutOutcome.SignedOut) {
            AuthorizePage.sendHtml(exchange, 200, HtmlPages.signedOut());
        } else {
            throw new IllegalStateException("unmapped outcome " + outcome);
        }
    }
}
