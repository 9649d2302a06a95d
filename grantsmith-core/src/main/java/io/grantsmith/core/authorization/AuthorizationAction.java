package io.grantsmith.core.authorization;

import io.grantsmith.api.dto.AuthorizationResponse;

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
    INTERNAL_SERVER_ERROR;

    /** The action of Authlete's {@code AuthorizationResponse}; no default, so a new action must be mapped. */
    public AuthorizationResponse.Action responseAction() {
        return switch (this) {
            case INTERACTION -> AuthorizationResponse.Action.INTERACTION;
            case NO_INTERACTION -> AuthorizationResponse.Action.NO_INTERACTION;
            case BAD_REQUEST -> AuthorizationResponse.Action.BAD_REQUEST;
            case LOCATION -> AuthorizationResponse.Action.LOCATION;
            case FORM -> AuthorizationResponse.Action.FORM;
            case INTERNAL_SERVER_ERROR -> AuthorizationResponse.Action.INTERNAL_SERVER_ERROR;
        };
    }
}
