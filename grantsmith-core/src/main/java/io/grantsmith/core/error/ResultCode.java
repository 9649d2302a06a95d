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
    CLIENT_ID_TOO_LONG("A048391", "The client ID is longer than %d characters."),
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

    // ---- the built-in authorization server (/as/{serviceId}/token) only -----------------------------------
    PASSWORD_VERIFICATION_BUSY("A051191", "The server is verifying too many passwords at the moment; retry in %d seconds."),
    PASSWORD_USER_THROTTLED("A051393", "Too many failed attempts for this username with this client; retry in %d seconds."),
    PASSWORD_CLIENT_THROTTLED("A051394", "Too many failed password attempts with this client; retry in %d seconds."),
    NATIVE_SSO_NOT_SUPPORTED("A047392", "This authorization server cannot complete an OpenID Connect Native SSO request."),

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
    REFRESH_ID_TOKEN_REISSUABLE("A053091", "The token request (grant_type=refresh_token) was processed successfully, and an ID token can be reissued."),
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
    FAIL_INVALID_SCOPE("A067393", "The token request failed because the requested scope is invalid."),

    // ---- ID tokens (OpenID Connect Core §2), wherever they are minted ----------------------------------------
    ID_TOKEN_SIGNING_KEY_MISSING("A046201", "The service has no current %s key to sign the ID token with."),
    ID_TOKEN_ISSUER_MISSING("A046291", "The service (API Key = %d) has no issuer identifier, which ID tokens need."),
    ID_TOKEN_SIGN_ALG_NONE("A046301", "The client (ID = %d) registered 'none' as its ID token signing algorithm, which is not allowed."),
    ID_TOKEN_SIGN_ALG_UNSUPPORTED("A046391", "The ID token signing algorithm '%s' of the client (ID = %d) is not supported by this server."),
    PAIRWISE_SECTOR_UNDETERMINED("A046392", "The client (ID = %d) uses pairwise subject identifiers, but its sector is unknown: register 'sectorIdentifierUri' or redirection URIs of a single host."),

    // ---- /idtoken/reissue (OpenID Connect Core §12.2) ---------------------------------------------------------
    ID_TOKEN_REISSUED("A342091", "An ID token was reissued with the renewed tokens."),
    ID_TOKEN_REISSUE_READ_FAILED("A342191", "The server failed to read the tokens to reissue an ID token with."),
    ID_TOKEN_REISSUE_PARAMETER_MISSING("A342291", "The request does not contain '%s', or its value is empty."),
    ID_TOKEN_REISSUE_TOKEN_UNUSABLE("A342292", "The %s does not exist, has expired or has been revoked."),
    ID_TOKEN_REISSUE_TOKENS_UNRELATED("A342293", "The access token was not issued with the refresh token."),
    ID_TOKEN_REISSUE_NOT_OPENID("A342294", "The access token does not have the scope 'openid' and a subject, so no ID token is issued with it."),
    ID_TOKEN_REISSUE_JSON_INVALID("A342295", "The value of '%s' is not a JSON object."),
    ID_TOKEN_REISSUE_HEADER_RESERVED("A342296", "The value of 'idtHeaderParams' must not contain 'alg', 'kid', 'crit', 'b64', key or certificate references or encryption members, and 'typ' and 'cty' must be strings."),
    ID_TOKEN_REISSUE_AUD_TYPE_INVALID("A342297", "The value of 'idTokenAudType' must be \"array\", \"string\" or null."),
    ID_TOKEN_REISSUE_CLIENT_NOT_FOUND("A342298", "The client (ID = %d) of the tokens does not exist any more."),

    // ---- /auth/userinfo ------------------------------------------------------------------------------------
    USERINFO_OK("A091001", "The access token presented at the userinfo endpoint is valid."),
    USERINFO_TOKEN_READ_FAILED("A088191", "The server failed to read the access token."),
    USERINFO_TOKEN_MISSING("A088301", "The request does not contain an access token."),
    USERINFO_TOKEN_NOT_FOUND("A088302", "The access token does not exist."),
    USERINFO_TOKEN_EXPIRED("A089301", "The access token has expired."),
    USERINFO_OPENID_MISSING("A089304", "The access token does not have the 'openid' scope."),
    USERINFO_SUBJECT_MISSING("A089305", "The access token is not associated with any subject."),
    USERINFO_CLIENT_NOT_FOUND("A097301", "The client (ID = %d) of the access token does not exist."),
    USERINFO_CLIENT_LOCKED("A097303", "The client (ID = %d) of the access token is locked."),

    // ---- /auth/userinfo/issue ------------------------------------------------------------------------------
    USERINFO_ISSUE_OK("A096001", "User information was obtained successfully."),
    USERINFO_ISSUE_TOKEN_READ_FAILED("A092191", "The server failed to read the access token."),
    USERINFO_ISSUE_TOKEN_MISSING("A092301", "The request does not contain 'token'."),
    USERINFO_ISSUE_TOKEN_NOT_FOUND("A092302", "The access token does not exist."),
    USERINFO_ISSUE_TOKEN_EXPIRED("A093301", "The access token has expired."),
    USERINFO_ISSUE_OPENID_MISSING("A093304", "The access token does not have the 'openid' scope."),
    USERINFO_ISSUE_SUBJECT_MISSING("A093305", "The access token is not associated with any subject."),
    USERINFO_ISSUE_CLIENT_NOT_FOUND("A095301", "The client (ID = %d) of the access token does not exist."),
    USERINFO_ISSUE_CLIENT_LOCKED("A095391", "The client (ID = %d) of the access token is locked."),
    USERINFO_ISSUE_CLAIMS_MALFORMED("A094201", "The value of 'claims' is not a JSON object."),
    USERINFO_SIGNING_KEY_MISSING("A096291", "The service has no current %s key to sign the userinfo response with."),
    USERINFO_SIGN_ALG_UNSUPPORTED("A096391", "The userinfo signing algorithm '%s' of the client (ID = %d) is not supported by this server."),

    // ---- /auth/introspection -------------------------------------------------------------------------------
    INTROSPECTION_OK("A056001", "The access token is valid."),
    INTROSPECTION_TOKEN_READ_FAILED("A056191", "The server failed to read the access token."),
    INTROSPECTION_TOKEN_MISSING("A057301", "The request does not contain a valid access token."),
    INTROSPECTION_TOKEN_NOT_FOUND("A057302", "The access token does not exist."),
    INTROSPECTION_NO_SCOPE("A064301", "The access token does not have any scope."),
    INTROSPECTION_SCOPE_NOT_COVERED("A064302", "The access token does not cover the required scope '%s'."),
    INTROSPECTION_RESOURCE_NOT_COVERED("A064391", "The access token does not cover the required resource '%s'."),
    INTROSPECTION_TOKEN_EXPIRED_REFRESHABLE("A065301", "The access token has expired but it can be refreshed."),
    INTROSPECTION_TOKENS_EXPIRED("A065302", "The access token and the refresh token have expired."),
    INTROSPECTION_TOKEN_EXPIRED("A065303", "The access token has expired."),
    INTROSPECTION_SUBJECT_MISSING("A066301", "The access token does not have a subject."),
    INTROSPECTION_SUBJECT_DIFFERENT("A066302", "The subject of the access token is different from the required subject."),
    INTROSPECTION_CLIENT_NOT_FOUND("A098301", "The client (ID = %d) of the access token does not exist."),
    INTROSPECTION_CLIENT_LOCKED("A098303", "The client (ID = %d) of the access token is locked."),
    INTROSPECTION_ACR_INSUFFICIENT("A341302", "The authentication context class '%s' is insufficient: one of %s is required."),
    INTROSPECTION_ACR_UNKNOWN("A341391", "The access token has no authentication context class, but one of %s is required."),
    INTROSPECTION_AUTH_TOO_OLD("A341392", "The end-user authenticated %d seconds ago, longer than the maximum authentication age of %d seconds."),
    INTROSPECTION_AUTH_TIME_UNKNOWN("A341393", "The time of the end-user's authentication is unknown, but a maximum authentication age of %d seconds is required."),

    // ---- /auth/introspection/standard (RFC 7662) ----------------------------------------------------------
    STANDARD_INTROSPECTION_OK("A145001", "Introspection was performed successfully (type=%s, active=%s)."),
    STANDARD_INTROSPECTION_READ_FAILED("A145191", "The server failed to read the token."),
    STANDARD_INTROSPECTION_PARAMETERS_MISSING("A145201", "The introspection request from the service does not contain 'parameters'."),
    STANDARD_INTROSPECTION_PARAMETERS_EMPTY("A145301", "The introspection request does not contain any request parameters."),
    STANDARD_INTROSPECTION_TOKEN_MISSING("A145302", "The introspection request does not contain 'token'."),
    STANDARD_INTROSPECTION_PARAMETERS_MALFORMED("A145391", "The introspection request parameters are not valid form-encoded data: %s."),
    STANDARD_INTROSPECTION_TOKEN_REPEATED("A145392", "The introspection request contains 'token' more than once."),
    INTROSPECTION_AUTH_METHOD_NOT_ALLOWED("A145394", "The client authentication method '%s' is not allowed at the introspection endpoint of the service."),
    INTROSPECTION_PUBLIC_CLIENT("A145393", "The client (ID = %d) is a public client, which may not introspect tokens (RFC 7662 §2.1)."),
    INTROSPECTION_CLIENT_ID_MISSING("A145395", "The introspection request does not identify the client: send 'client_id' or use HTTP Basic authentication."),
    INTROSPECTION_CLIENT_ID_REPEATED("A145396", "The introspection request contains 'client_id' more than once."),

    // ---- /auth/revocation (RFC 7009) ----------------------------------------------------------------------
    REVOCATION_OK("A113001", "The token has been revoked successfully."),
    REVOCATION_UNEXPECTED_ERROR("A113191", "An unexpected error occurred on the server while processing the revocation request."),
    REVOCATION_STORE_FAILED("A113192", "The server failed to read or revoke the token."),
    REVOCATION_PARAMETERS_MISSING("A113201", "The revocation request from the service does not contain 'parameters'."),
    REVOCATION_PARAMETERS_EMPTY("A113301", "The revocation request does not contain any request parameters."),
    REVOCATION_PARAMETERS_MALFORMED("A113391", "The revocation request parameters are not valid form-encoded data: %s."),
    REVOCATION_TOKEN_MISSING("A115301", "The revocation request does not contain 'token'."),
    REVOCATION_TOKEN_EMPTY("A115302", "The value of 'token' in the revocation request is empty."),
    REVOCATION_TOKEN_REPEATED("A115303", "The revocation request contains 'token' more than once."),
    REVOCATION_AUTH_METHOD_NOT_ALLOWED("A114391", "The client authentication method '%s' is not allowed at the revocation endpoint of the service."),
    REVOCATION_CLIENT_ID_MISSING("A114301", "The revocation request does not identify the client: send 'client_id' or use HTTP Basic authentication."),
    REVOCATION_CLIENT_ID_REPEATED("A114392", "The revocation request contains 'client_id' more than once."),
    REVOCATION_TOKEN_OF_OTHER_CLIENT("A116301", "The token was not issued to the client (ID = %d), so it is not revoked."),

    // ==== /auth/authorization ==============================================================================
    // ---- framing ------------------------------------------------------------------------------------------
    AUTHORIZATION_OK("A004001", "The server has successfully issued a ticket to the service (API Key = %d) for the authorization request from the client (ID = %d). [response_type=%s, openid=%s]"),
    AUTHORIZATION_UNEXPECTED_ERROR("A004191", "An unexpected error occurred on the server while processing the authorization request."),
    AUTHORIZATION_PARAMETERS_MISSING("A004201", "The authorization request from the service does not contain 'parameters'."),
    AUTHORIZATION_PARAMETERS_EMPTY("A004301", "The authorization request does not contain any request parameters."),
    AUTHORIZATION_ID_TOKEN_WITHOUT_OPENID("A004302", "The value of 'response_type' contains 'id_token', but 'scope' does not contain 'openid'."),
    AUTHORIZATION_PARAMETERS_MALFORMED("A004391", "The authorization request parameters are not valid form-encoded data: %s."),
    AUTHORIZATION_PARAMETER_REPEATED("A004392", "The authorization request contains '%s' more than once."),
    AUTHORIZATION_TICKET_STORE_FAILED("A004192", "The server failed to store the authorization ticket."),

    // ---- client_id ----------------------------------------------------------------------------------------
    AUTHORIZATION_CLIENT_ID_MISSING("A010301", "The authorization request does not contain 'client_id'."),
    AUTHORIZATION_CLIENT_ID_EMPTY("A010302", "The value of 'client_id' in the authorization request is empty."),
    AUTHORIZATION_CLIENT_ID_REPEATED("A010303", "The authorization request contains 'client_id' more than once."),
    AUTHORIZATION_CLIENT_NOT_FOUND("A010304", "The client (ID = %s) does not exist."),
    AUTHORIZATION_CLIENT_LOCKED("A010307", "The client (ID = %d) is locked."),
    AUTHORIZATION_CLIENT_ID_ALIAS_NOT_ENABLED("A010309", "The client ID alias '%s' cannot be used because client ID aliases are not enabled."),

    // ---- response_type ------------------------------------------------------------------------------------
    RESPONSE_TYPE_MISSING("A009301", "The authorization request does not contain 'response_type' parameter."),
    RESPONSE_TYPE_EMPTY("A009302", "The value of 'response_type' is empty."),
    RESPONSE_TYPE_REPEATED("A009303", "The authorization request contains 'response_type' more than once."),
    RESPONSE_TYPE_UNKNOWN("A009304", "The value of 'response_type' (%s) is not a valid response type."),
    RESPONSE_TYPE_NOT_SUPPORTED_BY_SERVICE("A009305", "The response type '%s' is not supported by the service."),
    RESPONSE_TYPE_NOT_ALLOWED_FOR_CLIENT("A009306", "The client (ID = %d) is not allowed to use the response type '%s'."),
    RESPONSE_TYPE_NOT_IMPLEMENTED("A009391", "The response type '%s' is not implemented by this server yet."),
    RESPONSE_TYPE_CODE_GRANT_NOT_SUPPORTED_BY_SERVICE("A009392", "The response type '%s' needs the grant type 'authorization_code', which the service does not support."),
    RESPONSE_TYPE_CODE_GRANT_NOT_ALLOWED_FOR_CLIENT("A009393", "The client (ID = %d) may use the response type '%s' but not the grant type 'authorization_code' that redeems its code."),

    // ---- redirect_uri -------------------------------------------------------------------------------------
    REDIRECT_URI_REPEATED("A011302", "The authorization request contains 'redirect_uri' more than once."),
    REDIRECT_URI_REQUIRED_FOR_OPENID("A011303", "The authorization request does not contain 'redirect_uri' although 'scope' contains 'openid'."),
    REDIRECT_URI_NOT_REGISTERED("A011304", "The value of 'redirect_uri' (%s) is not registered."),
    REDIRECT_URI_NONE_REGISTERED_BY_PUBLIC_CLIENT("A011310", "The client (ID = %d) is a public client but has registered no redirection URI."),
    REDIRECT_URI_MISSING_AND_NONE_REGISTERED("A011312", "The authorization request does not contain 'redirect_uri' and the client (ID = %d) has registered no redirection URI."),
    REDIRECT_URI_MISSING_AND_SEVERAL_REGISTERED("A011313", "The authorization request does not contain 'redirect_uri' although the client (ID = %d) has registered several redirection URIs."),
    REDIRECT_URI_MALFORMED("A011314", "The value of 'redirect_uri' (%s) is not a valid URI."),
    REDIRECT_URI_NOT_ABSOLUTE("A011315", "The value of 'redirect_uri' (%s) is not an absolute URI."),
    REDIRECT_URI_HAS_FRAGMENT("A011316", "The value of 'redirect_uri' (%s) has a fragment component."),
    REDIRECT_URI_REGISTRATION_REQUIRED("A011391", "The client (ID = %d) has registered no redirection URI; every client must register the redirection URIs it uses."),

    // ---- response_mode ------------------------------------------------------------------------------------
    RESPONSE_MODE_REPEATED("A012302", "The authorization request contains 'response_mode' more than once."),
    RESPONSE_MODE_UNKNOWN("A012303", "The value of 'response_mode' (%s) is not supported."),
    RESPONSE_MODE_QUERY_NOT_ALLOWED("A012304", "'query' cannot be used as the value of 'response_mode' with the response type '%s'."),
    RESPONSE_MODE_JWT_NOT_IMPLEMENTED("A012391", "The response mode '%s' (JARM) is not implemented by this server yet."),
    RESPONSE_MODE_NOT_ALLOWED_FOR_CLIENT("A012392", "The client (ID = %d) is not allowed to use the response mode '%s'."),

    // ---- scope --------------------------------------------------------------------------------------------
    AUTHORIZATION_SCOPE_REPEATED("A007302", "The authorization request contains 'scope' more than once."),
    AUTHORIZATION_SCOPE_REQUIRED("A007305", "The authorization request does not contain any valid scope, the default scope set is empty, and the service requires a scope."),

    // ---- state and nonce ----------------------------------------------------------------------------------
    STATE_REPEATED("A013302", "The authorization request contains 'state' more than once."),
    STATE_NOT_ASCII("A013303", "The value of 'state' contains characters other than printable ASCII."),
    STATE_TOO_LONG("A013304", "The value of 'state' is longer than %d characters."),
    NONCE_REPEATED("A014302", "The authorization request contains 'nonce' more than once."),
    NONCE_REQUIRED("A014303", "The authorization request does not contain 'nonce' although 'response_type' contains 'id_token'."),
    NONCE_NOT_ASCII("A014304", "The value of 'nonce' contains characters other than printable ASCII."),
    NONCE_TOO_LONG("A014305", "The value of 'nonce' is longer than %d characters."),

    // ---- display, prompt, max_age, locales, login_hint ----------------------------------------------------
    DISPLAY_REPEATED("A015302", "The authorization request contains 'display' more than once."),
    DISPLAY_UNKNOWN("A015303", "The value of 'display' (%s) is not a valid display value."),
    DISPLAY_DEFAULT_NOT_SUPPORTED("A015304", "The authorization request does not contain 'display', but the default value 'page' is not supported by the service."),
    DISPLAY_NOT_SUPPORTED("A015305", "The display value '%s' is not supported by the service."),
    PROMPT_REPEATED("A016302", "The authorization request contains 'prompt' more than once."),
    PROMPT_UNKNOWN("A016303", "The value of 'prompt' contains an unknown value (%s)."),
    PROMPT_NONE_COMBINED("A016304", "The value of 'prompt' combines 'none' with other values."),
    PROMPT_NOT_SUPPORTED("A016391", "The prompt value '%s' is not supported by the service."),
    PROMPT_NONE_NOT_SUPPORTED("A077301", "The authorization request contains 'prompt=none', which the service does not support."),
    MAX_AGE_REPEATED("A017302", "The authorization request contains 'max_age' more than once."),
    MAX_AGE_NOT_NUMBER("A017303", "The value of 'max_age' (%s) is not a number."),
    MAX_AGE_NOT_INTEGER("A017304", "The value of 'max_age' (%s) is not an integer."),
    MAX_AGE_OUT_OF_RANGE("A017305", "The value of 'max_age' (%s) is too large."),
    MAX_AGE_NEGATIVE("A017391", "The value of 'max_age' (%s) is negative."),
    UI_LOCALES_REPEATED("A018302", "The authorization request contains 'ui_locales' more than once."),
    CLAIMS_LOCALES_REPEATED("A020302", "The authorization request contains 'claims_locales' more than once."),
    LOGIN_HINT_REPEATED("A069302", "The authorization request contains 'login_hint' more than once."),

    // ---- acr_values and claims ----------------------------------------------------------------------------
    ACR_VALUES_REPEATED("A021302", "The authorization request contains 'acr_values' more than once."),
    ACR_NONE_SUPPORTED("A021303", "The authorization request asks for an authentication context class, but the service supports none."),
    ACR_NOT_SUPPORTED("A021304", "The authentication context class '%s' is not supported by the service."),
    CLAIMS_REPEATED("A022302", "The authorization request contains 'claims' more than once."),
    CLAIMS_NOT_JSON_OBJECT("A022303", "The value of 'claims' is not a JSON object."),
    CLAIMS_USERINFO_NOT_OBJECT("A022304", "The value of 'userinfo' in 'claims' is not a JSON object."),
    CLAIMS_ID_TOKEN_NOT_OBJECT("A022305", "The value of 'id_token' in 'claims' is not a JSON object."),
    CLAIMS_MEMBER_MALFORMED("A023301", "The request for the claim '%s' in '%s' of 'claims' is malformed: %s."),

    // ---- request objects and pushed authorization requests ------------------------------------------------
    REQUEST_REPEATED("A008301", "The authorization request contains 'request' more than once."),
    REQUEST_URI_REPEATED("A008302", "The authorization request contains 'request_uri' more than once."),
    REQUEST_AND_REQUEST_URI("A008304", "The authorization request contains both 'request' and 'request_uri'."),
    REQUEST_NOT_SUPPORTED("A008391", "The 'request' parameter (request objects) is not supported by this server yet."),
    REQUEST_URI_NOT_SUPPORTED("A008392", "The 'request_uri' parameter is not supported by this server yet."),
    PAR_REQUIRED("A008393", "The service or the client requires pushed authorization requests, which this server does not support yet."),
    REQUEST_OBJECT_REQUIRED("A008394", "The service or the client requires request objects, which this server does not support yet."),

    // ---- PKCE (RFC 7636) ----------------------------------------------------------------------------------
    CODE_CHALLENGE_REQUIRED("A124301", "The authorization request does not contain 'code_challenge' although the service or the client requires PKCE."),
    CODE_CHALLENGE_EMPTY("A124302", "The value of 'code_challenge' is empty."),
    CODE_CHALLENGE_REPEATED("A124303", "The authorization request contains 'code_challenge' more than once."),
    CODE_CHALLENGE_MALFORMED("A124304", "The value of 'code_challenge' must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636)."),
    CODE_CHALLENGE_METHOD_REPEATED("A124305", "The authorization request contains 'code_challenge_method' more than once."),
    CODE_CHALLENGE_METHOD_UNKNOWN("A124306", "The value of 'code_challenge_method' (%s) is not supported."),
    CODE_CHALLENGE_METHOD_REQUIRED("A124307", "The authorization request does not contain 'code_challenge_method' although the service or the client requires 'S256'."),
    CODE_CHALLENGE_METHOD_NOT_S256("A124308", "The value of 'code_challenge_method' must be 'S256'."),
    CODE_CHALLENGE_REQUIRED_FOR_PUBLIC_CLIENT("A124391", "The authorization request does not contain 'code_challenge', which public clients must send (RFC 9700 §2.1.1)."),

    // ---- grant_type=authorization_code --------------------------------------------------------------------
    AUTHORIZATION_CODE_OK("A050001", "The token request (grant_type=authorization_code) was processed successfully."),
    AUTHORIZATION_CODE_STORE_FAILED("A050101", "The server failed to redeem the authorization code or to store the tokens."),
    AUTHORIZATION_CODE_MISSING("A050301", "The token request does not contain 'code'."),
    AUTHORIZATION_CODE_EMPTY("A050302", "The value of 'code' is empty."),
    AUTHORIZATION_CODE_REPEATED("A050303", "The token request contains 'code' more than once."),
    AUTHORIZATION_CODE_REDIRECT_URI_REPEATED("A050304", "The token request contains 'redirect_uri' more than once."),
    AUTHORIZATION_CODE_NOT_FOUND("A050305", "The authorization code does not exist."),
    AUTHORIZATION_CODE_OTHER_CLIENT("A050307", "The authorization code was not issued to the client."),
    AUTHORIZATION_CODE_REDIRECT_URI_MISSING("A050308", "The token request does not contain 'redirect_uri' although the authorization request contained it."),
    AUTHORIZATION_CODE_REDIRECT_URI_MISMATCH("A050309", "The value of 'redirect_uri' is different from the one in the authorization request."),
    AUTHORIZATION_CODE_REDIRECT_URI_UNEXPECTED("A050310", "The token request contains 'redirect_uri' although the authorization request did not contain it."),
    AUTHORIZATION_CODE_EXPIRED("A050311", "The authorization code has expired."),
    AUTHORIZATION_CODE_REUSED("A050391", "The authorization code has already been used, so every token issued with it has been revoked."),
    AUTHORIZATION_CODE_RESOURCE_NOT_GRANTED("A050392", "The resource '%s' is not covered by the authorization code."),
    AUTHORIZATION_CODE_PROPERTIES_TOO_BIG("A050201", "The total size of 'properties' is too big."),
    AUTHORIZATION_CODE_ACCESS_TOKEN_INVALID("A050291", "The access token value chosen by the caller is not a valid token value."),
    AUTHORIZATION_CODE_ACCESS_TOKEN_IN_USE("A050292", "The access token value chosen by the caller is already in use."),
    CODE_VERIFIER_REPEATED("A050314", "The token request contains 'code_verifier' more than once."),

    // ---- grant_type=authorization_code: PKCE (RFC 7636 §4.6) ---------------------------------------------
    CODE_VERIFIER_MISSING("A050312", "The token request does not contain 'code_verifier' although the authorization request contained 'code_challenge'."),
    CODE_VERIFIER_EMPTY("A050313", "The value of 'code_verifier' is empty."),
    CODE_VERIFIER_MISMATCH("A050315", "The code challenge value computed with 'code_verifier' is different from 'code_challenge' contained in the authorization request."),
    CODE_VERIFIER_MALFORMED("A050316", "The value of 'code_verifier' must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636)."),
    CODE_VERIFIER_WITHOUT_CHALLENGE("A050317", "The token request contains 'code_verifier' although the authorization request did not contain 'code_challenge'."),

    // ==== /auth/authorization/issue ========================================================================
    AUTHORIZATION_ISSUE_OK("A040001", "The authorization request was processed successfully."),
    AUTHORIZATION_ISSUE_TICKET_USE_FAILED("A041191", "The server failed to use the ticket."),
    AUTHORIZATION_ISSUE_TICKET_MISSING("A041201", "The request does not contain 'ticket'."),
    AUTHORIZATION_ISSUE_TICKET_NOT_FOUND("A041202", "The ticket does not exist."),
    AUTHORIZATION_ISSUE_TICKET_EXPIRED("A041301", "The ticket has expired."),
    AUTHORIZATION_ISSUE_SUBJECT_MISSING("A042201", "The request does not contain 'subject', or its value is empty."),
    AUTHORIZATION_ISSUE_SUBJECT_TOO_LONG("A042202", "The value of 'subject' is longer than %d characters."),
    AUTHORIZATION_ISSUE_SUBJECT_NOT_ASCII("A042203", "The value of 'subject' contains characters that are not printable ASCII."),
    AUTHORIZATION_ISSUE_SUBJECT_MISMATCH("A042291", "The value of 'subject' differs from the subject that the authorization request asks for."),
    AUTHORIZATION_ISSUE_SUB_INVALID("A042292", "The value of 'sub' must be 1 to %d printable ASCII characters."),
    AUTHORIZATION_ISSUE_AUD_TYPE_INVALID("A042293", "The value of 'idTokenAudType' must be \"array\", \"string\" or null."),
    AUTHORIZATION_ISSUE_HEADER_PARAMS_MALFORMED("A255201", "The value of 'idtHeaderParams' is not a JSON object."),
    AUTHORIZATION_ISSUE_HEADER_PARAMS_RESERVED("A255291", "The value of 'idtHeaderParams' must not contain 'alg', 'kid', 'crit', 'b64', key or certificate references or encryption members, and 'typ' and 'cty' must be strings."),
    AUTHORIZATION_ISSUE_HEADER_PARAMS_TOO_BIG("A045203", "The value of 'idtHeaderParams' is longer than %d characters."),
    AUTHORIZATION_ISSUE_DETAILS_NOT_IMPLEMENTED("A045292", "'authorizationDetails' (rich authorization requests) is not implemented by this server yet, so no code is issued."),
    AUTHORIZATION_ISSUE_ACR_TOO_LONG("A043201", "The value of 'acr' is longer than %d characters."),
    AUTHORIZATION_ISSUE_CLAIMS_MALFORMED("A044201", "The value of 'claims' is not a JSON object."),
    AUTHORIZATION_ISSUE_PROPERTIES_TOO_BIG("A045201", "The total size of 'properties' is too big."),
    AUTHORIZATION_ISSUE_CODE_STORE_FAILED("A045191", "The server failed to store the authorization code."),
    AUTHORIZATION_ISSUE_CLIENT_LOOKUP_FAILED("A045192", "The server failed to look up the client of the ticket."),
    AUTHORIZATION_ISSUE_CLIENT_NOT_FOUND("A045301", "The client (ID = %d) of the ticket does not exist any more."),
    AUTHORIZATION_ISSUE_TICKET_USED("A045304", "The ticket has already been used."),
    AUTHORIZATION_ISSUE_CLIENT_LOCKED("A045391", "The client (ID = %d) of the ticket is locked."),

    // ==== /auth/authorization/fail =========================================================================
    AUTHORIZATION_FAIL_TICKET_USE_FAILED("A059191", "The server failed to use the ticket."),
    AUTHORIZATION_FAIL_CLIENT_LOOKUP_FAILED("A059192", "The server failed to look up the client of the ticket."),
    AUTHORIZATION_FAIL_TICKET_MISSING("A059201", "The request does not contain 'ticket'."),
    AUTHORIZATION_FAIL_TICKET_NOT_FOUND("A059202", "The ticket does not exist."),
    AUTHORIZATION_FAIL_TICKET_EXPIRED("A059301", "The ticket has expired."),
    AUTHORIZATION_FAIL_TICKET_USED("A059391", "The ticket has already been used."),
    AUTHORIZATION_FAIL_CLIENT_NOT_FOUND("A059392", "The client (ID = %d) of the ticket does not exist any more."),
    AUTHORIZATION_FAIL_REASON_MISSING("A060201", "The request does not contain 'reason'."),
    AUTHORIZATION_FAIL_NOT_LOGGED_IN("A060301", "The authorization request contains prompt=none, but no end-user has logged in this service."),
    AUTHORIZATION_FAIL_MAX_AGE_NOT_SUPPORTED("A060302", "The authorization request contains 'max_age', but the service cannot tell when the end-user authenticated."),
    AUTHORIZATION_FAIL_EXCEEDS_MAX_AGE("A060303", "The time since the end-user authenticated exceeds the maximum authentication age."),
    AUTHORIZATION_FAIL_DIFFERENT_SUBJECT("A060304", "The end-user who has logged in is not the one the authorization request asks for."),
    AUTHORIZATION_FAIL_ACR_NOT_SATISFIED("A060305", "None of the requested authentication context class references is satisfied."),
    AUTHORIZATION_FAIL_DENIED("A060306", "The end-user denied the authorization request."),
    AUTHORIZATION_FAIL_UNKNOWN("A060307", "The authorization request failed due to an unknown reason."),
    AUTHORIZATION_FAIL_SERVER_ERROR("A060308", "The authorization request failed due to an error on the server."),
    AUTHORIZATION_FAIL_NOT_AUTHENTICATED("A060309", "The end-user has not been authenticated."),
    AUTHORIZATION_FAIL_ACCOUNT_SELECTION_REQUIRED("A060310", "The end-user must select an account, which cannot be done without interaction."),
    AUTHORIZATION_FAIL_CONSENT_REQUIRED("A060311", "The end-user's consent is required, which cannot be obtained without interaction."),
    AUTHORIZATION_FAIL_INTERACTION_REQUIRED("A060312", "The authorization request cannot be completed without interaction with the end-user."),
    AUTHORIZATION_FAIL_INVALID_TARGET("A060313", "The requested resource is invalid, missing, unknown or malformed."),
    AUTHORIZATION_FAIL_INVALID_SCOPE("A060391", "The requested scope is invalid, unknown or malformed."),
    AUTHORIZATION_FAIL_UNAUTHORIZED_CLIENT("A060392", "The client is not authorized to make this authorization request."),
    AUTHORIZATION_FAIL_TEMPORARILY_UNAVAILABLE("A060393", "The authorization server is temporarily unable to handle the request.");

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
