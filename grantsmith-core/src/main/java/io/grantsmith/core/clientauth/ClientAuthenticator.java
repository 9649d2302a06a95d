package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import java.util.Objects;

/**
 * Authenticates an identified client with the method it registered: checks that the method fits the client's
 * type and is allowed by the service, then hands over to the method's {@link ClientAuthenticationMethod} from
 * the {@link ClientAuthenticators}. A method without one is not supported ({@code A157344}), as in Authlete.
 */
public final class ClientAuthenticator {
    private final ClientAuthenticators methods;

    public ClientAuthenticator(ClientAuthenticators methods) {
        this.methods = Objects.requireNonNull(methods, "methods");
    }

    public ClientIdentity authenticate(Service service, ClientIdentity identity, PresentedCredentials credentials) {
        Client client = identity.client();
        ClientAuthMethod method = client.tokenAuthMethod();
        if (client.isPublic() && method != ClientAuthMethod.NONE) {
            throw OAuthException.invalidClient(ResultCode.PUBLIC_CLIENT_WITHOUT_NONE);
        }
        if (!client.isPublic() && method == ClientAuthMethod.NONE) {
            throw OAuthException.invalidClient(ResultCode.CONFIDENTIAL_CLIENT_WITH_NONE);
        }
        if (!service.allows(method)) {
            throw ClientAuthenticationRefusals.notSupported(method);
        }
        methods.find(method).orElseThrow(() -> ClientAuthenticationRefusals.notSupported(method))
                .authenticate(service, client, credentials);
        return identity.authenticatedBy(method);
    }
}
