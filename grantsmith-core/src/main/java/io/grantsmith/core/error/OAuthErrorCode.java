package io.grantsmith.core.error;

/** The {@code error} values of RFC 6749 §5.2 and its extensions that the token endpoint produces. */
public enum OAuthErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    INVALID_TARGET("invalid_target", 400),
    SERVER_ERROR("server_error", 500),
    /** Overload (RFC 6749 §4.1.2.1 defines it for the authorization endpoint; no token-endpoint code says it). */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

    private final String wireValue;
    private final int httpStatus;

    OAuthErrorCode(String wireValue, int httpStatus) {
        this.wireValue = wireValue;
        this.httpStatus = httpStatus;
    }

    /** The value of the {@code error} member, e.g. {@code invalid_grant}. */
    public String wireValue() {
        return wireValue;
    }

    /** The HTTP status a token endpoint answers this error with. */
    public int httpStatus() {
        return httpStatus;
    }
}
