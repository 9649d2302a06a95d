package io.grantsmith.core.authorization;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.RequestedAuthorization;

/**
 * What a token request must repeat of the authorization request whose code it redeems (RFC 6749 §4.1.3, RFC 7636
 * §4.5): the code must have been issued to the authenticated client; {@code redirect_uri} must be the same when
 * the authorization request had one and absent when it had none (as Authlete); the PKCE verifier must match.
 * Every refusal is {@code invalid_grant}.
 */
public final class CodeRedemptionRules {
    private CodeRedemptionRules() {
    }

    /**
     * @param clientId    the authenticated client of the token request
     * @param redirectUri the token request's {@code redirect_uri}, or null
     * @param verifier    the token request's {@code code_verifier}, or null
     * @throws OAuthException {@code invalid_grant} for the first rule the request breaks
     */
    public static void check(RequestedAuthorization authorization, long clientId, String redirectUri,
            String verifier) {
        if (authorization.clientId() != clientId) {
            throw refusal(ResultCode.AUTHORIZATION_CODE_OTHER_CLIENT);
        }
        if (authorization.redirectUriGiven()) {
            if (redirectUri == null) {
                throw refusal(ResultCode.AUTHORIZATION_CODE_REDIRECT_URI_MISSING);
            }
            if (!authorization.redirectUri().equals(redirectUri)) {
                throw refusal(ResultCode.AUTHORIZATION_CODE_REDIRECT_URI_MISMATCH);
            }
        } else if (redirectUri != null) {
            throw refusal(ResultCode.AUTHORIZATION_CODE_REDIRECT_URI_UNEXPECTED);
        }
        CodeVerifiers.verify(authorization.codeChallenge(), authorization.codeChallengeMethod(), verifier);
    }

    private static OAuthException refusal(ResultCode code) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_GRANT, code);
    }
}
