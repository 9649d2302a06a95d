package io.grantsmith.core.result;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.model.Client;
import java.util.Objects;

/**
 * The client a request came from, once identified.
 *
 * @param aliasUsed  whether the request named the client by its alias
 * @param authMethod how the client authenticated; null while it is identified but not yet authenticated
 */
public record ClientIdentity(Client client, boolean aliasUsed, ClientAuthMethod authMethod) {
    public ClientIdentity {
        Objects.requireNonNull(client, "client");
    }

    public ClientIdentity authenticatedBy(ClientAuthMethod method) {
        return new ClientIdentity(client, aliasUsed, method);
    }

    /**
     * The method to report as Authlete's {@code clientAuthMethod}: the one the client authenticated with, or,
     * when authentication failed or has not happened, the one registered for it (the method is pinned, so the
     * two are the same whenever authentication succeeds). Authlete reports it once the client is identified,
     * refusals included.
     */
    public ClientAuthMethod reportedAuthMethod() {
        return authMethod != null ? authMethod : client.tokenAuthMethod();
    }
}
