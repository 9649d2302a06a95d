package io.grantsmith.facade.token;

import io.grantsmith.api.dto.TokenResponse;

/**
 * What a token endpoint needs from the engine's result to answer its client: the action and the body, and for
 * {@code PASSWORD} what it needs to finish the grant. The built-in authorization server uses this instead of
 * the wide {@link TokenResponse}.
 *
 * @param responseContent the JSON body for the client; null for {@code PASSWORD}
 * @param password        for {@code PASSWORD} only: the ticket and the credentials to check; null otherwise
 * @param dpopNonce       the value of a {@code DPoP-Nonce} header to send, or null
 */
public record TokenAnswer(TokenResponse.Action action, String responseContent, PasswordStep password,
        String dpopNonce) {

    /**
     * A password grant waiting for its user's credentials to be checked.
     *
     * @param clientId the authenticated client that sent the request
     */
    public record PasswordStep(String ticket, long clientId, String username, String password) {
        @Override
        public String toString() {
            return "PasswordStep[clientId=" + clientId + ", username=" + username + "]";
        }
    }

    static TokenAnswer of(TokenResponse.Action action, String responseContent) {
        return new TokenAnswer(action, responseContent, null, null);
    }

    @Override
    public String toString() {
        return "TokenAnswer[action=" + action + ", password=" + password + "]";
    }
}
