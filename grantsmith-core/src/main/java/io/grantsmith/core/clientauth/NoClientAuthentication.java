package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;

/**
 * {@code none}: a public client identifies itself with {@code client_id} and presents no credentials. Only public
 * clients reach it ({@link ClientAuthenticator} refuses a confidential client registered with {@code none}).
 */
public final class NoClientAuthentication implements ClientAuthenticationMethod {
    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.NONE;
    }

    @Override
    public void authenticate(Service service, Client client, PresentedCredentials credentials) {
        // An empty client_secret (or "id:" in Basic) is tolerated: some libraries always send one.
        if (credentials.hasHeaderSecret() || credentials.hasBodySecret() || credentials.hasAssertion()) {
            throw OAuthException.invalidClient(ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS);
        }
    }
}
