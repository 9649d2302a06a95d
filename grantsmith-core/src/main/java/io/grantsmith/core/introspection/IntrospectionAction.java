package io.grantsmith.core.introspection;

/**
 * Authlete's {@code /auth/introspection} actions, with the RFC 6750 §3.1 error code of the {@code WWW-Authenticate}
 * challenge a resource server sends with each refusal.
 */
public enum IntrospectionAction {
    /** The token is usable and meets every requirement: serve the resource. */
    OK("invalid_request"),
    /** No token was given: 400. */
    BAD_REQUEST("invalid_request"),
    /** The token is unknown or expired, or its client is gone or locked: 401. */
    UNAUTHORIZED("invalid_token"),
    /** The token misses a required scope, resource, subject or authentication strength: 403. */
    FORBIDDEN("insufficient_scope"),
    /** The store could not be read: 500. */
    INTERNAL_SERVER_ERROR("server_error");

    private final String error;

    IntrospectionAction(String error) {
        this.error = error;
    }

    /**
     * The {@code error} of the challenge; for {@code OK}, Authlete's {@code invalid_request}, which a resource server
     * may use for its own 400s.
     */
    public String error() {
        return error;
    }
}
