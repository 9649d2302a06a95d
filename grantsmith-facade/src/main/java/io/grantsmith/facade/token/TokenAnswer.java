package io.grantsmith.facade.token;

import io.grantsmith.api.dto.TokenResponse;

/**
 * What a token endpoint needs from the engine's result to answer its client: the action and the body, and for
 * {@code PASSWORD} what it needs to finish the grant. The built-in authorization server uses this instead of
 * the wide {@link TokenResponse}.
 *
 * @param responseContent the JSON body for the client; null for {@code PASSWORD}
 * @param dpopNonce       the value of a {@code DPoP-Nonce} header to send, or null
 */
public record TokenAnswer(TokenResponse.Action action, String responseContent, String ticket, String username,
        String password, String dpopNonce) {

    @Override
    public String toString() {
        return "TokenAnswer[action=" + action + ", username=" + username + "]";
    }
}
