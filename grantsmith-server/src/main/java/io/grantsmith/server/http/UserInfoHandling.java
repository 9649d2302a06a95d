package io.grantsmith.server.http;

import io.grantsmith.api.dto.UserInfoIssueResponse;
import io.grantsmith.api.dto.UserInfoResponse;

/**
 * What the built-in userinfo endpoint does with each action of {@code /auth/userinfo} and
 * {@code /auth/userinfo/issue}, as Authlete's documentation describes it for an authorization server. The switches
 * have no default: a new action does not compile until it is mapped here, and {@code UserInfoHandlingTest} lists
 * the mapping as documented.
 */
enum UserInfoHandling {
    /** Collect the values of the named claims for the subject and call {@code /auth/userinfo/issue}. */
    ISSUE(200),
    /** 200 with {@code responseContent} as {@code application/json}. */
    SEND_JSON(200),
    /** 200 with {@code responseContent} as {@code application/jwt}. */
    SEND_JWT(200),
    /** 400 with {@code WWW-Authenticate: <responseContent>}. */
    CHALLENGE_BAD_REQUEST(400),
    /** 401 with {@code WWW-Authenticate: <responseContent>}. */
    CHALLENGE_UNAUTHORIZED(401),
    /** 403 with {@code WWW-Authenticate: <responseContent>}. */
    CHALLENGE_FORBIDDEN(403),
    /** 500 with {@code WWW-Authenticate: <responseContent>}. */
    CHALLENGE_SERVER_ERROR(500);

    private final int status;

    UserInfoHandling(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }

    static UserInfoHandling of(UserInfoResponse.Action action) {
        return switch (action) {
            case OK -> ISSUE;
            case BAD_REQUEST -> CHALLENGE_BAD_REQUEST;
            case UNAUTHORIZED -> CHALLENGE_UNAUTHORIZED;
            case FORBIDDEN -> CHALLENGE_FORBIDDEN;
            case INTERNAL_SERVER_ERROR -> CHALLENGE_SERVER_ERROR;
        };
    }

    static UserInfoHandling of(UserInfoIssueResponse.Action action) {
        return switch (action) {
            case JSON -> SEND_JSON;
            case JWT -> SEND_JWT;
            case BAD_REQUEST -> CHALLENGE_BAD_REQUEST;
            case UNAUTHORIZED -> CHALLENGE_UNAUTHORIZED;
            case FORBIDDEN -> CHALLENGE_FORBIDDEN;
            case INTERNAL_SERVER_ERROR -> CHALLENGE_SERVER_ERROR;
        };
    }
}
