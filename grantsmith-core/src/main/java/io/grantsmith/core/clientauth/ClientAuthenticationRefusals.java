package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;

/** The refusals and the secret check that several {@link ClientAuthenticationMethod}s share, so they answer alike. */
public final class ClientAuthenticationRefusals {
    private ClientAuthenticationRefusals() {
    }

    /** More than one client authentication method in one request (RFC 6749 §2.3): {@code invalid_request}. */
    public static OAuthException multipleMethods() {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.MULTIPLE_CLIENT_AUTH_METHODS);
    }

    /** Credentials on a channel other than the one {@code method} uses (e.g. Basic for client_secret_post). */
    public static OAuthException wrongLocation(ClientAuthMethod method) {
        return OAuthException.invalidClient(ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION, method.wireValue());
    }

    /** The client registered {@code method}, which this engine or the service does not support. */
    public static OAuthException notSupported(ClientAuthMethod method) {
        return OAuthException.invalidClient(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED, method.wireValue());
    }

    /** Checks a presented client secret against the client's, in constant time. */
    public static void verifySecret(Client client, ClientAuthMethod method, String presented) {
        if (presented == null || presented.isEmpty()) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_MISSING, method.wireValue());
        }
        if (client.secret() == null || !client.secret().matches(presented)) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_WRONG);
        }
    }
}
