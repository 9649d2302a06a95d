package io.grantsmith.core.introspection;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.clientauth.EndpointClientAuthentication;
import io.grantsmith.core.clientauth.EndpointClientCodes;
import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.StoreException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the caller of an RFC 7662 introspection endpoint, which Authlete's standard introspection leaves to
 * the authorization server (§2.1: "the endpoint MUST also require some form of authorization"). The caller is a
 * client of the service authenticated as at the token endpoint; a public client has no credentials to authorize it
 * and is refused with {@code invalid_client}.
 */
public final class IntrospectorAuthentication {
    private final EndpointClientAuthentication clients;

    public IntrospectorAuthentication(EndpointClientAuthentication clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * The refusal, if the caller may not introspect; empty when it may. Never throws for bad input.
     *
     * @param allowed the client authentication methods the service allows at introspection
     *                ({@code supportedIntrospectionAuthMethods}); empty for the token endpoint's
     */
    public Optional<Refusal> refusal(Service service, Set<ClientAuthMethod> allowed, String parameters,
            String headerId, String headerSecret) {
        try {
            Client client = clients.authenticate(service, allowed, EndpointClientCodes.INTROSPECTION,
                    EndpointParameters.INTROSPECTION.parse(parameters), headerId, headerSecret);
            if (client.isPublic()) {
                throw OAuthException.invalidClient(ResultCode.INTROSPECTION_PUBLIC_CLIENT, client.id());
            }
            return Optional.empty();
        } catch (OAuthException e) {
            return Optional.of(new Refusal(e.kind(), e.error()));
        } catch (StoreException e) {
            return Optional.of(new Refusal(FailureKind.INTERNAL_SERVER_ERROR,
                    new OAuthError(OAuthErrorCode.SERVER_ERROR, ResultCode.STANDARD_INTROSPECTION_READ_FAILED.message())));
        }
    }

    /** Why the caller was refused: {@code kind} gives the status (400, 401 or 500), {@code error} the body. */
    public record Refusal(FailureKind kind, OAuthError error) {
        public Refusal {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(error, "error");
        }
    }
}
