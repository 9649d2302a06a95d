package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;

/**
 * One client authentication method at the token endpoint (RFC 8414 {@code token_endpoint_auth_methods_supported};
 * Authlete's {@code ClientAuthMethod}). The engine calls it only for a client that registered this method and
 * whose service allows it, after the client was identified and found unlocked; so an implementation checks the
 * credentials only. Register implementations in {@link ClientAuthenticators}; adding a method (say
 * {@code private_key_jwt}) edits no engine class.
 *
 * <p>The method is pinned (as in Authlete): credentials presented through another channel fail even when they are
 * right, and a request may use only one method (RFC 6749 §2.3), which an implementation refuses with
 * {@link ClientAuthenticationRefusals#multipleMethods()}. Implementations are thread-safe and compare secrets in
 * constant time.</p>
 */
public interface ClientAuthenticationMethod {
    /** The method this authenticates, as clients register it ({@code tokenAuthMethod}). */
    ClientAuthMethod method();

    /**
     * Returns normally when {@code credentials} authenticate {@code client}.
     *
     * @throws OAuthException the refusal: {@code invalid_client} for missing, misplaced or wrong credentials,
     *                        {@code invalid_request} when more than one method was presented
     */
    void authenticate(Service service, Client client, PresentedCredentials credentials);
}
