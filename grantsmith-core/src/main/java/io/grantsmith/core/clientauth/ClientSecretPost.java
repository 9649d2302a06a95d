package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;

/** {@code client_secret_post}: {@code client_id} and {@code client_secret} in the form body (RFC 6749 §2.3.1). */
public final class ClientSecretPost implements ClientAuthenticationMethod {
    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.CLIENT_SECRET_POST;
    }

    @Override
    public void authenticate(Service service, Client client, PresentedCredentials credentials) {
        // the method is pinned: a secret in the Authorization header alone is on the wrong channel
        if (credentials.hasHeaderSecret() && !credentials.hasBodySecret()) {
            throw ClientAuthenticationRefusals.wrongLocation(method());
        }
        if (credentials.hasBodySecret() && (credentials.hasHeaderSecret() || credentials.hasAssertion())) {
            throw ClientAuthenticationRefusals.multipleMethods();
        }
        ClientAuthenticationRefusals.verifySecret(client, method(), credentials.bodySecret());
    }
}
