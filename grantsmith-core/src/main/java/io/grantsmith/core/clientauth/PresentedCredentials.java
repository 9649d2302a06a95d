package io.grantsmith.core.clientauth;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.request.FormParameters;

/**
 * Where and what the client presented to identify and authenticate itself: the {@code Authorization: Basic}
 * header (passed on by the caller as {@code clientId}/{@code clientSecret}) and the body parameters.
 *
 * @param headerId     client ID from the Authorization header, or null
 * @param headerSecret client secret from the Authorization header, or null
 * @param bodyId       {@code client_id} parameter, or null
 * @param bodySecret   {@code client_secret} parameter, or null
 * @param assertion    whether the body carries {@code client_assertion} (JWT client authentication)
 */
public record PresentedCredentials(String headerId, String headerSecret, String bodyId, String bodySecret,
        boolean assertion) {

    public static PresentedCredentials of(TokenRequest request, FormParameters parameters) {
        return new PresentedCredentials(request.getClientId(), request.getClientSecret(),
                parameters.first("client_id"), parameters.first("client_secret"),
                parameters.optional("client_assertion") != null);
    }

    boolean usesHeader() {
        return headerId != null;
    }

    boolean hasHeaderSecret() {
        return headerSecret != null && !headerSecret.isEmpty();
    }

    /** A non-empty {@code client_secret}; an empty one counts as absent (RFC 6749 §3.2). */
    boolean hasBodySecret() {
        return bodySecret != null && !bodySecret.isEmpty();
    }

    @Override
    public String toString() {
        return "PresentedCredentials[headerId=" + headerId + ", bodyId=" + bodyId + ", assertion=" + assertion + "]";
    }
}
