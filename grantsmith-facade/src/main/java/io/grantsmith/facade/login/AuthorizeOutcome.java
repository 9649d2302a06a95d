package io.grantsmith.facade.login;

import java.util.List;

/**
 * What the built-in authorization endpoint answers the browser. The HTTP edge renders each kind; a {@code switch}
 * over this sealed type needs no default.
 */
public sealed interface AuthorizeOutcome {
    /**
     * A page saying the request cannot go back to the client (an unknown client, an unregistered or mismatched
     * {@code redirect_uri}, a forged or expired form): never a redirect.
     */
    record ErrorPage(int status, String error, String description) implements AuthorizeOutcome {
    }

    /**
     * A 302 to the client's redirect URI with a code or an error.
     *
     * @param session the session to remember in the browser (the user just logged in), or null to leave it
     */
    record Redirect(String location, Session session) implements AuthorizeOutcome {
    }

    /** The auto-submitting {@code form_post} page (HTML), with the session to remember or null. */
    record FormPost(String html, Session session) implements AuthorizeOutcome {
    }

    /**
     * The login and consent page.
     *
     * @param status     200, or 429/503 when the password was not checked (throttled, busy)
     * @param message    why the page is shown again (wrong password, throttled), or null
     * @param csrfCookie the value of the CSRF cookie the page's token is bound to (set it in the browser)
     */
    record LoginPage(int status, LoginView view, String message, String csrfCookie) implements AuthorizeOutcome {
    }

    /**
     * What the login page shows and posts back.
     *
     * @param sealedState the sealed page state for the hidden field
     * @param csrfToken   the CSRF token for the hidden field (and the deny link)
     * @param clientName  the client's name, or its ID when it has none
     * @param scopes      the requested scopes, with descriptions where the service has them
     * @param loginHint   the request's {@code login_hint}, to prefill the username, or null
     */
    record LoginView(String sealedState, String csrfToken, String clientName, List<ScopeLine> scopes,
            String loginHint) {
        public LoginView {
            scopes = List.copyOf(scopes);
        }
    }

    /** One requested scope and its description (null when the service has none). */
    record ScopeLine(String name, String description) {
    }

    /**
     * A browser session to set: its sealed cookie value and how many seconds the cookie lives.
     */
    record Session(String cookieValue, long maxAgeSeconds) {
    }
}
