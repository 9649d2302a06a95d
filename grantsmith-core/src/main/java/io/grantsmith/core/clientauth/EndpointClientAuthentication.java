package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import java.util.Objects;
import java.util.Set;

/**
 * Identifies and authenticates the client calling an endpoint other than the token endpoint (revocation,
 * introspection) exactly as the token endpoint does: the same identification rules, the same registry of methods.
 */
public final class EndpointClientAuthentication {
    private final ClientIdentifier identifier;
    private final ClientAuthenticator authenticator;

    public EndpointClientAuthentication(ClientIdentifier identifier, ClientAuthenticator authenticator) {
        this.identifier = Objects.requireNonNull(identifier, "identifier");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /**
     * The client, identified and authenticated; its method must be one of {@code allowed} (the endpoint's methods
     * the service lists, e.g. {@code supportedRevocationAuthMethods}) unless that is empty.
     *
     * @param codes        the endpoint's own result codes for what only it can word
     * @param headerId     the client ID of the {@code Authorization: Basic} header, or null
     * @param headerSecret the client secret of that header, or null
     * @throws OAuthException when the client cannot be identified or authenticated, or is locked
     * @throws io.grantsmith.core.spi.StoreException when the client cannot be looked up
     */
    public Client authenticate(Service service, Set<ClientAuthMethod> allowed, EndpointClientCodes codes,
            FormParameters form, String headerId, String headerSecret) {
        if (form.count("client_id") > 1) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, codes.clientIdRepeated());
        }
        String assertion = form.optional("client_assertion");
        PresentedCredentials credentials = new PresentedCredentials(headerId, headerSecret, form.first("client_id"),
                form.first("client_secret"),
                assertion == null ? null : new ClientAssertion(assertion, form.first("client_assertion_type")), null);
        var identity = identifier.identify(service, credentials, codes.clientIdMissing());
        ClientIdentifier.requireUnlocked(identity);
        Client client = authenticator.authenticate(service, identity, credentials).client();
        if (!allowed.isEmpty() && !allowed.contains(client.tokenAuthMethod())) {
            throw OAuthException.invalidClient(codes.methodNotAllowed(), client.tokenAuthMethod().wireValue());
        }
        return client;
    }
}
