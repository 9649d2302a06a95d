package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;

/**
 * Authenticates an identified client with the method it registered. The method is pinned: credentials sent
 * through another channel fail even when they are right (as Authlete does), and a request may use only one
 * method (RFC 6749 §2.3). Secrets are compared in constant time.
 */
public final class ClientAuthenticator {
    public ClientIdentity authenticate(Service service, ClientIdentity identity, PresentedCredentials credentials) {
        Client client = identity.client();
        if (client.isPublic()) {
            return identity.authenticatedBy(authenticatePublic(service, client, credentials));
        }
        ClientAuthMethod method = client.tokenAuthMethod();
        if (method == ClientAuthMethod.NONE) {
            throw OAuthException.invalidClient(ResultCode.CONFIDENTIAL_CLIENT_WITH_NONE);
        }
        if (!service.allows(method)) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED, method.wireValue());
        }
        switch (method) {
            case CLIENT_SECRET_BASIC -> {
                if (!credentials.usesHeader()) {
                    throw OAuthException.invalidClient(ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION, method.wireValue());
                }
                if (credentials.hasBodySecret() || credentials.assertion()) {
                    throw multipleMethods();
                }
                verifySecret(client, method, credentials.headerSecret());
            }
            case CLIENT_SECRET_POST -> {
                // the method is pinned: a secret in the Authorization header alone is on the wrong channel
                if (credentials.hasHeaderSecret() && !credentials.hasBodySecret()) {
                    throw OAuthException.invalidClient(ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION, method.wireValue());
                }
                if (credentials.hasBodySecret() && (credentials.hasHeaderSecret() || credentials.assertion())) {
                    throw multipleMethods();
                }
                verifySecret(client, method, credentials.bodySecret());
            }
            default -> throw OAuthException.invalidClient(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED, method.wireValue());
        }
        return identity.authenticatedBy(method);
    }

    private static ClientAuthMethod authenticatePublic(Service service, Client client,
            PresentedCredentials credentials) {
        if (client.tokenAuthMethod() != ClientAuthMethod.NONE) {
            throw OAuthException.invalidClient(ResultCode.PUBLIC_CLIENT_WITHOUT_NONE);
        }
        if (!service.allows(ClientAuthMethod.NONE)) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED,
                    ClientAuthMethod.NONE.wireValue());
        }
        // An empty client_secret (or "id:" in Basic) is tolerated: some libraries always send one.
        if (credentials.hasHeaderSecret() || credentials.hasBodySecret() || credentials.assertion()) {
            throw OAuthException.invalidClient(ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS);
        }
        return ClientAuthMethod.NONE;
    }

    private static OAuthException multipleMethods() {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.MULTIPLE_CLIENT_AUTH_METHODS);
    }

    private static void verifySecret(Client client, ClientAuthMethod method, String presented) {
        if (presented == null || presented.isEmpty()) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_MISSING, method.wireValue());
        }
        if (client.secret() == null || !client.secret().matches(presented)) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_WRONG);
        }
    }
}
