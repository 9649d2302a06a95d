package io.grantsmith.core.clientauth;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.request.FormParameters;
import java.util.List;

/**
 * Where and what the client presented to identify and authenticate itself: the {@code Authorization: Basic}
 * header (passed on by the caller as {@code clientId}/{@code clientSecret}), the body parameters, a client
 * assertion and the certificate of a mutual-TLS connection. What each method reads of it is up to its
 * {@link ClientAuthenticationMethod}.
 *
 * @param headerId     client ID from the Authorization header, or null
 * @param headerSecret client secret from the Authorization header, or null
 * @param bodyId       {@code client_id} parameter, or null
 * @param bodySecret   {@code client_secret} parameter, or null
 * @param assertion    {@code client_assertion} and {@code client_assertion_type}, or null when no (non-empty)
 *                     {@code client_assertion} was sent
 * @param certificate  the client certificate (Authlete's {@code clientCertificate}), or null; presenting one is
 *                     not a client authentication method by itself (it may only bind tokens, RFC 8705 §3)
 */
public record PresentedCredentials(String headerId, String headerSecret, String bodyId, String bodySecret,
        ClientAssertion assertion, ClientCertificate certificate) {

    public static PresentedCredentials of(TokenRequest request, FormParameters parameters) {
        String assertion = parameters.optional("client_assertion");
        String[] path = request.getClientCertificatePath();
        return new PresentedCredentials(request.getClientId(), request.getClientSecret(),
                parameters.first("client_id"), parameters.first("client_secret"),
                assertion == null ? null : new ClientAssertion(assertion, parameters.first("client_assertion_type")),
                ClientCertificate.fromPem(request.getClientCertificate(), path == null ? List.of() : List.of(path)));
    }

    /** Credentials of the header and the body only (no assertion, no certificate). */
    public static PresentedCredentials of(String headerId, String headerSecret, String bodyId, String bodySecret) {
        return new PresentedCredentials(headerId, headerSecret, bodyId, bodySecret, null, null);
    }

    /** Whether the Authorization header named a client (Basic), with or without a secret. */
    public boolean usesHeader() {
        return headerId != null;
    }

    /** A non-empty secret in the Authorization header. */
    public boolean hasHeaderSecret() {
        return headerSecret != null && !headerSecret.isEmpty();
    }

    /** A non-empty {@code client_secret}; an empty one counts as absent (RFC 6749 §3.2). */
    public boolean hasBodySecret() {
        return bodySecret != null && !bodySecret.isEmpty();
    }

    public boolean hasAssertion() {
        return assertion != null;
    }

    public boolean hasCertificate() {
        return certificate != null;
    }

    /** Secrets and assertion values stay out of logs. */
    @Override
    public String toString() {
        return "PresentedCredentials[headerId=" + headerId + ", bodyId=" + bodyId + ", assertion=" + assertion
                + ", certificate=" + certificate + "]";
    }
}
