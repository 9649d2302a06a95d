package io.grantsmith.core.error;

import java.util.Locale;

/**
 * The result codes the engine produces, in Authlete's format: {@code A} + six digits, where the first three
 * digits name the feature (052 = client_credentials at {@code /auth/token}), the third digit from the right
 * the category ({@link ResultCategory}) and the last two a sequence number.
 *
 * <p>Numbers are Authlete's where its catalogue defines the same outcome; messages are Authlete's where the
 * exact text is publicly quoted and otherwise written in the same style. Outcomes that Authlete does not
 * have (refresh-token reuse detection, unsupported scopes, ...) use sequence numbers 90–99 so that they do
 * not collide with Authlete's numbering. docs/RESULT-CODES.md lists every code.</p>
 *
 * <p>Messages are public (they reach the client in {@code error_description}): they may quote request
 * values, shortened by the caller, but never a secret.</p>
 */
public enum ResultCode {
    // ---- /auth/token: request framing --------------------------------------------------------------------
    PARAMETERS_MISSING("A047201", "The token request from the service does not contain 'parameters'."),
    PARAMETERS_MALFORMED("A047391", "The token request parameters are not valid form-encoded data: %s."),
    PARAMETERS_EMPTY("A047301", "The token request does not contain any request parameters."),
    GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT("A047302", "The client (ID = %d) is not allowed to use the grant type '%s'."),
    PARAMETER_REPEATED("A250301", "The token request contains '%s' more than once."),
    GRANT_TYPE_MISSING("A049301", "The token request does not contain 'grant_type'."),
    GRANT_TYPE_EMPTY("A049302", "The value of 'grant_type' in the token request is empty."),
    GRANT_TYPE_REPEATED("A049303", "The token request contains 'grant_type' more than once."),
    GRANT_TYPE_UNKNOWN("A049304", "The value of 'grant_type' (%s) is not supported."),
    GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE("A049305", "The grant type '%s' is not supported by the service."),
    GRANT_TYPE_IMPLICIT("A049306", "'implicit' cannot be used as the value of 'grant_type'."),
    GRANT_TYPE_NOT_IMPLEMENTED("A049391", "The grant type '%s' is not implemented by this server yet."),
    UNEXPECTED_ERROR("A047191", "An unexpected error occurred on the server while processing the request."),
    SERVICE_SETTING_UNSUPPORTED("A047192", "The service setting '%s' is not supported by this server yet, so no token is issued."),
    CLIENT_SETTING_UNSUPPORTED("A047193", "The setting '%s' of the client (ID = %d) is not supported by this server yet, so no token is issued."),

    // ---- resource indicators (RFC 8707) -------------------------------------------------------------------
    RESOURCE_NOT_URI("A251306", "The resource '%s' is not a valid URI."),
    RESOURCE_NOT_ABSOLUTE("A251307", "The resource '%s' is not an absolute URI."),
    RESOURCE_HAS_FRAGMENT("A251308", "The resource '%s' has a fragment component."),

    // ---- client identification ----------------------------------------------------------------------------
    CLIENT_ID_MISSING("A048301", "The token request does not identify the client: send 'client_id' or use HTTP Basic authentication."),
    CLIENT_ID_EMPTY("A048302", "The value of 'client_id' is empty."),
    CLIENT_ID_REPEATED("A048303", "The token request contains 'client_id' more than once."),
    CLIENT_NOT_FOUND("A048304", "The client (ID = %s) does not exist."),
    CLIENT_LOCKED("A048307", "The client (ID = %d) is locked."),
    CLIENT_ID_CONFLICT("A048312", "The client ID in the Authorization header differs from the value of 'client_id'."),
    CLIENT_CREDENTIALS_CLIENT_ID_MISSING("A048314", "A client_credentials request must identify the client: send 'client_id' or use HTTP Basic authentication."),
    CLIENT_ID_ALIAS_NOT_ENABLED("A048324", "The client ID alias '%s' cannot be used because client ID aliases are not enabled."),
    CLIENT_LOOKUP_FAILED("A048191", "The server failed to look up the client."),

    // ---- client authentication ----------------------------------------------------------------------------
    CONFIDENTIAL_CLIENT_WITH_NONE("A157301", "The client type of the client is 'confidential' but the client authentication method is 'none'."),
    PUBLIC_CLIENT_WITHOUT_NONE("A157302", "The client type of the client is 'public' but the client authentication method is not 'none'."),
    PUBLIC_CLIENT_SENT_CREDENTIALS("A157303", "The request contains data for client authentication although the client type is 'public' and the client authentication method is 'none'."),
    CLIENT_SECRET_MISSING("A157304", "The client authentication method is '%s' but the request does not include a client secret."),
    CLIENT_SECRET_WRONG("A157305", "The client secret is invalid."),
    CLIENT_AUTH_METHOD_NOT_SUPPORTED("A157344", "The client authentication method '%s' is not supported."),
    CLIENT_CREDENTIALS_WRONG_LOCATION("A157357", "The client identifier is not found at the expected location. The '%s' client authentication method is used by the client."),
    MULTIPLE_CLIENT_AUTH_METHODS("A157391", "The request uses more than one client authentication method (RFC 6749 §2.3)."),
    CLIENT_SECRET_REPEATED("A158301", "The token request contains 'client_secret' more than once."),

    // ---- grant_type=password (/auth/token) ----------------------------------------------------------------
    PASSWORD_TICKET_ISSUED("A051001", "The token request (grant_type=password) is valid. Verify the user's credentials and call /auth/token/issue or /auth/token/fail with the ticket."),
    PASSWORD_TICKET_STORE_FAILED("A051101", "The server failed to store the ticket."),
    USERNAME_MISSING("A051301", "The token request does not contain 'username'."),
    USERNAME_EMPTY("A051302", "The value of 'username' is empty."),
    USERNAME_REPEATED("A051303", "The token request contains 'username' more than once."),
    PASSWORD_MISSING("A051304", "The token request does not contain 'password'."),
    PASSWORD_EMPTY("A051305", "The value of 'password' is empty."),
    PASSWORD_REPEATED("A051306", "The token request contains 'password' more than once."),
    PASSWORD_SCOPE_REPEATED("A051307", "The token request contains 'scope' more than once."),
    PASSWORD_SCOPE_REQUIRED("A051308", "The token request does not contain any valid scope, the default scope set is empty, and the service requires a scope."),
    PASSWORD_SCOPE_UNSUPPORTED("A051391", "The scope '%s' is not supported by the service."),
    PASSWORD_SCOPE_NOT_REQUESTABLE("A051392", "The client is not allowed to request the scope '%s'."),

    // ---- grant_type=client_credentials --------------------------------------------------------------------
    CLIENT_CREDENTIALS_OK("A052001", "The token request (grant_type=client_credentials) was processed successfully."),
    CLIENT_CREDENTIALS_STORE_FAILED("A052101", "The server failed to store the access token."),
    CLIENT_CREDENTIALS_PROPERTIES_TOO_BIG("A052201", "The total size of 'properties' is too big."),
    CLIENT_CREDENTIALS_ACCESS_TOKEN_INVALID("A052291", "The access token value chosen by the caller is not a valid token value."),
    CLIENT_CREDENTIALS_ACCESS_TOKEN_IN_USE("A052292", "The access token value chosen by the caller is already in use."),
    CLIENT_CREDENTIALS_PUBLIC_CLIENT("A052301", "Public clients are not allowed to use 'grant_type=client_credentials'."),
    CLIENT_CREDENTIALS_SCOPE_REPEATED("A052302", "The token request contains 'scope' more than once."),
    CLIENT_CREDENTIALS_SCOPE_REQUIRED("A052303", "The token request does not contain any valid scope, the default scope set is empty, and the service requires a scope."),
    CLIENT_CREDENTIALS_SCOPE_UNSUPPORTED("A052391", "The scope '%s' is not supported by the service."),
    CLIENT_CREDENTIALS_SCOPE_NOT_REQUESTABLE("A052392", "The client is not allowed to request the scope '%s'."),

    // ---- grant_type=refresh_token -------------------------------------------------------------------------
    REFRESH_OK("A053001", "The token request (grant_type=refresh_token) was processed successfully."),
    REFRESH_STORE_FAILED("A053101", "The server failed to store the renewed tokens."),
    REFRESH_TOKEN_READ_FAILED("A053191", "The server failed to read the refresh token."),
    REFRESH_REVOKE_FAILED("A053192", "The refresh token has already been used, and the server failed to revoke the tokens of its grant."),
    REFRESH_PROPERTIES_TOO_BIG("A053201", "The total size of 'properties' is too big."),
    REFRESH_ACCESS_TOKEN_INVALID("A053291", "The access token value chosen by the caller is not a valid token value."),
    REFRESH_ACCESS_TOKEN_IN_USE("A053292", "The access token value chosen by the caller is already in use."),
    REFRESH_TOKEN_MISSING("A053301", "The token request does not contain 'refresh_token'."),
    REFRESH_TOKEN_EMPTY("A053302", "The value of 'refresh_token' is empty."),
    REFRESH_TOKEN_REPEATED("A053303", "The token request contains 'refresh_token' more than once."),
    REFRESH_SCOPE_REPEATED("A053304", "The token request contains 'scope' more than once."),
    REFRESH_TOKEN_NOT_FOUND("A053305", "The refresh token passed to the token endpoint does not exist."),
    REFRESH_TOKEN_OTHER_CLIENT("A053307", "The refresh token was not issued to the client."),
    REFRESH_TOKEN_EXPIRED("A053308", "The refresh token has expired."),
    REFRESH_SCOPE_NOT_GRANTED("A053309", "The requested scope '%s' is not covered by the refresh token."),
    REFRESH_TOKEN_CONTENDED("A053310", "The refresh token was changed by a concurrent request; retry with the current refresh token."),
    REFRESH_TOKEN_REUSED("A053391", "The refresh token has already been used. Refresh token reuse was detected, so every token of its grant has been revoked."),
    REFRESH_TOKEN_REVOKED("A053392", "The refresh token has been revoked."),
    REFRESH_RESOURCE_NOT_GRANTED("A053393", "The resource '%s' is not covered by the refresh token."),

    // ---- /auth/token/issue ------------------------------------------------------------------------------
    ISSUE_OK("A054001", "The token request (grant_type=password) was processed successfully."),
    ISSUE_STORE_FAILED("A054101", "The server failed to store the tokens."),
    ISSUE_CLIENT_LOOKUP_FAILED("A054191", "The server failed to look up the client of the ticket."),
    ISSUE_TICKET_UPDATE_FAILED("A054192", "The server failed to update the ticket."),
    ISSUE_SERVICE_SETTING_UNSUPPORTED("A054193", "The service setting '%s' is not supported by this server yet, so no token is issued."),
    ISSUE_CLIENT_SETTING_UNSUPPORTED("A054194", "The setting '%s' of the client (ID = %d) is not supported by this server yet, so no token is issued."),
    ISSUE_PROPERTIES_TOO_BIG("A054201", "The total size of 'properties' is too big."),
    ISSUE_ACCESS_TOKEN_INVALID("A054291", "The access token value chosen by the caller is not a valid token value."),
    ISSUE_ACCESS_TOKEN_IN_USE("A054292", "The access token value chosen by the caller is already in use."),
    ISSUE_CLIENT_NOT_FOUND("A054391", "The client (ID = %d) of the ticket does not exist any more."),
    ISSUE_CLIENT_LOCKED("A054392", "The client (ID = %d) of the ticket is locked."),
    ISSUE_GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT("A054393", "The client (ID = %d) of the ticket is no longer allowed to use the grant type 'password'."),
    ISSUE_GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE("A054394", "The grant type 'password' is no longer supported by the service."),
    ISSUE_TICKET_MISSING("A055201", "The request does not contain 'ticket'."),
    ISSUE_TICKET_NOT_FOUND("A055202", "The ticket does not exist."),
    ISSUE_TICKET_EXPIRED("A055301", "The ticket has expired."),
    TICKET_ALREADY_USED("A061301", "The ticket has already been used."),
    SUBJECT_MISSING("A111201", "The request does not contain 'subject', or its value is empty."),
    SUBJECT_NOT_ASCII("A111202", "The value of 'subject' contains characters that are not printable ASCII."),
    SUBJECT_TOO_LONG("A111203", "The value of 'subject' is longer than %d characters."),

    // ---- /auth/token/fail -------------------------------------------------------------------------------
    FAIL_STORE_FAILED("A063101", "The server failed to update the ticket."),
    FAIL_CLIENT_LOOKUP_FAILED("A063191", "The server failed to look up the client of the ticket."),
    FAIL_TICKET_MISSING("A063201", "The request does not contain 'ticket'."),
    FAIL_TICKET_NOT_FOUND("A063202", "The ticket does not exist."),
    FAIL_TICKET_EXPIRED("A063301", "The ticket has expired."),
    FAIL_REASON_MISSING("A067201", "The request does not contain 'reason'."),
    FAIL_INVALID_CREDENTIALS("A067301", "The credentials (username & password) passed to the token endpoint are invalid."),
    FAIL_UNKNOWN("A067302", "The token request failed due to an unknown reason."),
    FAIL_INVALID_TARGET("A067303", "The token request failed because the target resource is invalid."),
    FAIL_INVALID_CLIENT("A067391", "The token request failed because the client is invalid."),
    FAIL_UNAUTHORIZED_CLIENT("A067392", "The token request failed because the client is not authorized to use the grant type."),
    FAIL_INVALID_SCOPE("A067393", "The token request failed because the requested scope is invalid.");

    private final String code;
    private final String template;
    private final ResultCategory category;

    ResultCode(String code, String template) {
        this.code = code;
        this.template = template;
        this.category = ResultCategory.ofCode(code);
    }

    /** The code itself, e.g. {@code A052001}. */
    public String code() {
        return code;
    }

    /** The message with its {@code %s}/{@code %d} placeholders, as docs/RESULT-CODES.md lists it. */
    public String template() {
        return template;
    }

    public ResultCategory category() {
        return category;
    }

    /** The message with its {@code %s}/{@code %d} placeholders filled with {@code args}. */
    public ResultMessage message(Object... args) {
        return new ResultMessage(this, args.length == 0 ? template : String.format(Locale.ROOT, template, args));
    }
}
