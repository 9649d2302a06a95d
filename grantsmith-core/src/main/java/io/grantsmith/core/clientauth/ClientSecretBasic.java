package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;

/** {@code client_secret_basic}: client ID and secret in the {@code Authorization: Basic} header (RFC 6749 §2.3.1). */
public final class ClientSecretBasic implements ClientAuthenticationMethod {
    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.CLIENT_SECRET_BASIC;
    }

    @Override
    public void authenticate(Service service, Client client, PresentedCredentials credentials) {
        if (!credentials.usesHeader()) {
            throw ClientAuthenticationRefusals.wrongLocation(method());
        }
        if (credentials.hasBodySecret() || credentials.hasAssertion()) {
            throw ClientAuthenticationRefusals.multipleMethods();
        }
        ClientAuthenticationRefusals.verifySecret(client, method(), credentials.headerSecret());
    }
}
