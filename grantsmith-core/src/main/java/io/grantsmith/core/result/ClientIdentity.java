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
}
