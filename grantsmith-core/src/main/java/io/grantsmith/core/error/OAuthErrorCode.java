package io.grantsmith.core.error;

/**
 * The {@code error} values of RFC 6749 §5.2 and §4.1.2.1 and their extensions that the engine produces. The HTTP
 * status is the one a token endpoint answers with; authorization errors that go back to the client travel in a
 * redirect instead, and those that cannot are answered with 400.
 */
public enum OAuthErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    INVALID_TARGET("invalid_target", 400),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    REQUEST_NOT_SUPPORTED("request_not_supported", 400),
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", 400),
    SERVER_ERROR("server_error", 500),
    // OpenID Connect Core §3.1.2.6 and RFC 6749 §4.1.2.1: sent to the client by redirect, never by a token endpoint
    ACCESS_DENIED("access_denied", 400),
    LOGIN_REQUIRED("login_required", 400),
    CONSENT_REQUIRED("consent_required", 400),
    INTERACTION_REQUIRED("interaction_required", 400),
    ACCOUNT_SELECTION_REQUIRED("account_selection_required", 400),
    /** OpenID Connect Core errata / RFC 9470: the requested {@code acr} could not be satisfied. */
    UNMET_AUTHENTICATION_REQUIREMENTS("unmet_authentication_requirements", 400),
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
