package io.grantsmith.core.authorization;

import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;

/**
 * What each reason of {@code /auth/authorization/fail} tells the client, as Authlete maps them: the {@code error}
 * (OpenID Connect Core §3.1.2.6, RFC 6749 §4.1.2.1, RFC 8707) and the result code. The switch has no default: a
 * new reason does not compile until it is mapped here.
 */
final class FailReasons {
    record Outcome(OAuthErrorCode error, ResultCode code) {
    }

    private FailReasons() {
    }

    static Outcome of(AuthorizationFailRequest.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> new Outcome(OAuthErrorCode.SERVER_ERROR, ResultCode.AUTHORIZATION_FAIL_UNKNOWN);
            case NOT_LOGGED_IN -> new Outcome(OAuthErrorCode.LOGIN_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_NOT_LOGGED_IN);
            case MAX_AGE_NOT_SUPPORTED -> new Outcome(OAuthErrorCode.LOGIN_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_MAX_AGE_NOT_SUPPORTED);
            case EXCEEDS_MAX_AGE -> new Outcome(OAuthErrorCode.LOGIN_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_EXCEEDS_MAX_AGE);
            case DIFFERENT_SUBJECT -> new Outcome(OAuthErrorCode.LOGIN_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_DIFFERENT_SUBJECT);
            // Authlete 2.3 and later; 2.2 and earlier said login_required
            case ACR_NOT_SATISFIED -> new Outcome(OAuthErrorCode.UNMET_AUTHENTICATION_REQUIREMENTS,
                    ResultCode.AUTHORIZATION_FAIL_ACR_NOT_SATISFIED);
            case DENIED -> new Outcome(OAuthErrorCode.ACCESS_DENIED, ResultCode.AUTHORIZATION_FAIL_DENIED);
            case SERVER_ERROR -> new Outcome(OAuthErrorCode.SERVER_ERROR, ResultCode.AUTHORIZATION_FAIL_SERVER_ERROR);
            case NOT_AUTHENTICATED -> new Outcome(OAuthErrorCode.LOGIN_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_NOT_AUTHENTICATED);
            case ACCOUNT_SELECTION_REQUIRED -> new Outcome(OAuthErrorCode.ACCOUNT_SELECTION_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_ACCOUNT_SELECTION_REQUIRED);
            case CONSENT_REQUIRED -> new Outcome(OAuthErrorCode.CONSENT_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_CONSENT_REQUIRED);
            case INTERACTION_REQUIRED -> new Outcome(OAuthErrorCode.INTERACTION_REQUIRED,
                    ResultCode.AUTHORIZATION_FAIL_INTERACTION_REQUIRED);
            case INVALID_TARGET -> new Outcome(OAuthErrorCode.INVALID_TARGET,
                    ResultCode.AUTHORIZATION_FAIL_INVALID_TARGET);
            case INVALID_SCOPE -> new Outcome(OAuthErrorCode.INVALID_SCOPE,
                    ResultCode.AUTHORIZATION_FAIL_INVALID_SCOPE);
            case UNAUTHORIZED_CLIENT -> new Outcome(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    ResultCode.AUTHORIZATION_FAIL_UNAUTHORIZED_CLIENT);
            case TEMPORARILY_UNAVAILABLE -> new Outcome(OAuthErrorCode.TEMPORARILY_UNAVAILABLE,
                    ResultCode.AUTHORIZATION_FAIL_TEMPORARILY_UNAVAILABLE);
        };
    }
}
