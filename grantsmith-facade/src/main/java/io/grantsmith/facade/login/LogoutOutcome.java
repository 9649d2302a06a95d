package io.grantsmith.facade.login;

/**
 * What the built-in server's {@code /logout} answers the browser. The browser session ends with every kind but
 * {@link ErrorPage}, which changes nothing.
 */
public sealed interface LogoutOutcome {
    /** Back to the client's registered {@code post_logout_redirect_uri}, with its {@code state}. */
    record Redirect(String location) implements LogoutOutcome {
    }

    /** A page saying the user is signed out (no redirect was asked for). */
    record SignedOut() implements LogoutOutcome {
    }

    /**
     * The request cannot be honoured (an {@code id_token_hint} this server did not sign, an unregistered
     * {@code post_logout_redirect_uri}): a page, never a redirect, and the session stays.
     */
    record ErrorPage(int status, String error, String description) implements LogoutOutcome {
    }
}
