package io.grantsmith.core.authorization;

/** The {@code action} values of Authlete's {@code /auth/authorization} response. */
public enum AuthorizationAction {
    /** A valid request; show the user a login and consent page. */
    INTERACTION,
    /** A valid request with {@code prompt=none}; decide without showing the user anything. */
    NO_INTERACTION,
    /** An invalid request that cannot be sent back to the client: answer 400 with a JSON error body. */
    BAD_REQUEST,
    /** An invalid request whose error goes back to the client: redirect (302) to the URL. */
    LOCATION,
    /** An invalid request whose error goes back to the client by an auto-submitting form ({@code form_post}). */
    FORM,
    /** The caller's request was wrong, or the server failed: answer 500. */
    INTERNAL_SERVER_ERROR
}
