package io.grantsmith.facade.login;

/**
 * What the built-in server's {@code /logout} answers the browser. The browser session ends with {@link Redirect}
 * and {@link SignedOut}; {@link Confirm} and {@link ErrorPage} leave it as it is.
 */
public sealed interface LogoutOutcome {
    /** Back to the client's registered {@code post_logout_redirect_uri}, with its {@code state}. */
    record Redirect(String location) implements LogoutOutcome {
    }

    /** A page saying the user is signed out (no redirect was asked for). */
    record SignedOut() implements LogoutOutcome {
    }

    /**
     * A page asking the user whether to sign out, with a form of one button that posts back here.
     *
     * @param sealedRequest the checked request (where to go afterwards), sealed, for the hidden field
     * @param csrfToken     the CSRF token for the hidden field
     * @param csrfCookie    the value of the CSRF cookie the token is bound to (set it in the browser)
     */
    record Confirm(String sealedRequest, String csrfToken, String csrfCookie) implements LogoutOutcome {
    }

    /**
     * The request cannot be honoured (an {@code id_token_hint} this server did not sign, an unregistered
     * {@code post_logout_redirect_uri}, a forged confirmation): a page, never a redirect, and the session stays.
     */
    record ErrorPage(int status, String error, String description) implements LogoutOutcome {
    }
}
