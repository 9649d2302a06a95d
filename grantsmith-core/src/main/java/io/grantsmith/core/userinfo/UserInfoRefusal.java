package io.grantsmith.core.userinfo;

/**
 * Why an access token was refused at the userinfo endpoint: Authlete's action and the RFC 6750 §3.1 error code of
 * the {@code WWW-Authenticate} challenge that goes with it.
 */
public enum UserInfoRefusal {
    /** No token in the request: 400. */
    BAD_REQUEST("invalid_request"),
    /** The token is unknown, expired, without a subject, or its client is gone or locked: 401. */
    UNAUTHORIZED("invalid_token"),
    /** The token lacks {@code openid}: 403. */
    FORBIDDEN("insufficient_scope"),
    /** The store could not be read: 500. */
    INTERNAL_SERVER_ERROR("server_error");

    private final String error;

    UserInfoRefusal(String error) {
        this.error = error;
    }

    /** The {@code error} parameter of the challenge. */
    public String error() {
        return error;
    }
}
