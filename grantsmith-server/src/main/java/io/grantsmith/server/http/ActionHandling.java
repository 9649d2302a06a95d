package io.grantsmith.server.http;

import io.grantsmith.api.dto.TokenResponse;

/**
 * What the built-in token endpoint does with each action of the engine, as Authlete's documentation describes it
 * for an authorization server. The switch has no default: a new action does not compile until it is mapped here,
 * and {@code ActionHandlingTest} lists the mapping as documented.
 */
enum ActionHandling {
    /** Send {@code responseContent} with 200. */
    SEND_OK,
    /** Send {@code responseContent} with 400. */
    SEND_BAD_REQUEST,
    /** Send {@code responseContent} with 500. */
    SEND_SERVER_ERROR,
    /** 401 with a challenge when the client authenticated with the Authorization header, else 400 (RFC 6749 §5.2). */
    SEND_INVALID_CLIENT,
    /** Check the user's credentials, then finish with {@code /auth/token/issue} or {@code /auth/token/fail}. */
    FINISH_PASSWORD,
    /**
     * The grant needs the authorization server to validate and mint the token itself (token exchange, JWT bearer),
     * which this server does not do: {@code unsupported_grant_type}, Authlete's reference server's fallback.
     */
    REFUSE_GRANT_TYPE,
    /** Native SSO needs {@code /nativesso}, which this server does not implement: {@code invalid_grant}, as there. */
    REFUSE_NATIVE_SSO;

    static ActionHandling of(TokenResponse.Action action) {
        return switch (action) {
            // ID_TOKEN_REISSUABLE: the server may reissue an ID token; this one sends the token response as it is
            case OK, ID_TOKEN_REISSUABLE -> SEND_OK;
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
            case INVALID_CLIENT -> SEND_INVALID_CLIENT;
            case PASSWORD -> FINISH_PASSWORD;
            case TOKEN_EXCHANGE, JWT_BEARER -> REFUSE_GRANT_TYPE;
            case NATIVE_SSO -> REFUSE_NATIVE_SSO;
        };
    }
}
