package io.grantsmith.facade.access;

import java.util.Locale;

/**
 * Result codes of API-level outcomes. Mostly failures: the call was not processed, so the API answers with an HTTP
 * error status and a {@code {resultCode, resultMessage}} body instead of a DTO; a few report the success of a call
 * that answers no document ({@link #SECRET_ROTATED}). As in Authlete, messages start with
 * the API path. Group 001 holds Authlete's own codes; groups 191 (request handling) and 192 (management) are
 * Grantsmith's, as are the sequence numbers 90-99 of Authlete's group 110 (service JWK Sets); all are listed in
 * docs/RESULT-CODES.md.
 */
public enum ApiResultCode {
    SERVER_ERROR("A001101", 500, "%s, Server error."),
    AUTHORIZATION_MISSING("A001202", 401, "%s, Authorization header is missing."),
    AUTHORIZATION_MALFORMED("A001291", 401, "%s, The Authorization header is malformed."),
    CREDENTIALS_INVALID("A001292", 401, "%s, The API credentials are invalid."),

    UNKNOWN_PATH("A191201", 404, "%s, No such API."),
    METHOD_NOT_ALLOWED("A191202", 405, "%s, The HTTP method %s is not allowed for this API."),
    UNSUPPORTED_CONTENT_TYPE("A191203", 400, "%s, The content type must be application/json or application/x-www-form-urlencoded."),
    BODY_TOO_LARGE("A191204", 413, "%s, The request body is larger than %d bytes."),
    BODY_MALFORMED("A191205", 400, "%s, The request body is malformed: %s."),
    BODY_MISSING("A191206", 400, "%s, The request body is empty."),
    ISSUANCE_LIMITED("A191207", 429, "%s, The service has reached its token issuance limit; retry in %d seconds."),
    BODY_TOO_SLOW("A191208", 408, "%s, The request body arrived too slowly."),
    SENDER_BUSY("A191209", 503, "%s, Too many requests of this service or client are in process; retry in %d seconds."),

    SERVICE_NOT_FOUND("A192201", 404, "%s, The service (API Key = %s) does not exist."),
    CLIENT_NOT_FOUND("A192202", 404, "%s, The client (ID = %s) does not exist."),
    INVALID_VALUE("A192203", 400, "%s, %s"),
    ALIAS_TAKEN("A192204", 409, "%s, The client ID alias '%s' is already used by another client of the service."),
    CLIENT_LIMIT_REACHED("A192205", 403, "%s, The service already has %d clients, the most a service may have."),
    PATCH_INVALID("A192206", 400, "%s, The JSON Patch cannot be applied: %s."),
    ISSUER_NOT_BUILT_IN("A192207", 404, "%s, The service (API Key = %d) names the issuer '%s', not %s: the built-in authorization server does not act for it."),
    USER_NOT_FOUND("A192221", 404, "%s, The service has no user '%s'."),
    USER_EXISTS("A192222", 409, "%s, The service has a user '%s' already; set 'replace' to replace it."),

    JWKS_INVALID("A110291", 400, "%s, The JWK Set in 'jwks' cannot be used: %s"),
    KEYS_CHANGED("A110292", 409, "%s, The service's keys were changed by a concurrent request; try again."),
    ALGORITHM_UNSUPPORTED("A110293", 400, "%s, The signing algorithm '%s' is not supported; use RS256, PS256, ES256 or EdDSA."),

    SECRET_ROTATED("A192001", 200, "%s, The API secret of the service (API Key = %d) was replaced.");

    private final String code;
    private final int httpStatus;
    private final String template;

    ApiResultCode(String code, int httpStatus, String template) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.template = template;
    }

    public String code() {
        return code;
    }

    /** The message after the API path, with its placeholders, as docs/RESULT-CODES.md lists it. */
    public String template() {
        return template;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** {@code [code] path, message}: the {@code resultMessage} of the failure. */
    public String message(String apiPath, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = apiPath;
        System.arraycopy(args, 0, all, 1, args.length);
        return "[" + code + "] " + String.format(Locale.ROOT, template, all);
    }
}
