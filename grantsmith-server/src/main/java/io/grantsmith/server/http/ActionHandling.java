package io.grantsmith.server.http;

import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenResponse;

/**
 * What the built-in token endpoint does with each action of the engine, as Authlete's documentation describes it
 * for an authorization server. The switches have no default: a new action does not compile until it is mapped here,
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
            // ID_TOKEN_REISSUABLE: the built-in server's answer already carries the reissued ID token (TokenApi.answer)
            case OK, ID_TOKEN_REISSUABLE -> SEND_OK;
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
            case INVALID_CLIENT -> SEND_INVALID_CLIENT;
            case PASSWORD -> FINISH_PASSWORD;
            case TOKEN_EXCHANGE, JWT_BEARER -> REFUSE_GRANT_TYPE;
            case NATIVE_SSO -> REFUSE_NATIVE_SSO;
        };
    }

    /** The status of the token response after {@code /auth/token/issue} finished a password grant. */
    static int statusAfterIssue(TokenIssueResponse.Action action) {
        return switch (action) {
            case OK -> 200;
            case INTERNAL_SERVER_ERROR -> 500;
        };
    }

    /**
     * The status of the token response after {@code /auth/token/fail} refused a password grant, whose answer can
     * only be a refusal: the engine never answers the fail call with another action.
     */
    static int statusAfterFail(TokenResponse.Action action) {
        return switch (of(action)) {
            case SEND_BAD_REQUEST -> 400;
            case SEND_SERVER_ERROR -> 500;
            case SEND_OK, SEND_INVALID_CLIENT, FINISH_PASSWORD, REFUSE_GRANT_TYPE, REFUSE_NATIVE_SSO ->
                    throw new IllegalStateException("not an outcome of /auth/token/fail: " + action);
        };
    }
}
