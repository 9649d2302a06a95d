package io.grantsmith.core.authorization;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.spi.ClientLookup;
import java.util.Optional;

/**
 * Finds the client an authorization request names in {@code client_id}: by numeric client ID, or by alias where
 * both the service and the client enable aliases. A client of another service is reported as unknown, so that
 * nothing about other tenants leaks. The request is not authenticated: the authorization endpoint has no client
 * credentials.
 */
final class AuthorizationClients {
    private final ClientLookup clients;

    AuthorizationClients(ClientLookup clients) {
        this.clients = clients;
    }

    ClientIdentity identify(Service service, FormParameters parameters) {
        if (parameters.count("client_id") > 1) {
            throw refusal(ResultCode.AUTHORIZATION_CLIENT_ID_REPEATED);
        }
        String id = parameters.first("client_id");
        if (id == null) {
            throw refusal(ResultCode.AUTHORIZATION_CLIENT_ID_MISSING);
        }
        if (id.isEmpty()) {
            throw refusal(ResultCode.AUTHORIZATION_CLIENT_ID_EMPTY);
        }
        Optional<Client> byId = Client.numericId(id).flatMap(numeric -> clients.findClient(service.id(), numeric));
        ClientIdentity identity;
        if (byId.isPresent()) {
            identity = new ClientIdentity(byId.get(), false, null);
        } else {
            Client byAlias = clients.findClientByAlias(service.id(), id)
                    .orElseThrow(() -> refusal(ResultCode.AUTHORIZATION_CLIENT_NOT_FOUND, Quoted.of(id)));
            if (!service.clientIdAliasEnabled() || !byAlias.aliasEnabled()) {
                throw refusal(ResultCode.AUTHORIZATION_CLIENT_ID_ALIAS_NOT_ENABLED, Quoted.of(id));
            }
            identity = new ClientIdentity(byAlias, true, null);
        }
        if (identity.client().locked()) {
            throw refusal(ResultCode.AUTHORIZATION_CLIENT_LOCKED, identity.client().id());
        }
        return identity;
    }

    private static OAuthException refusal(ResultCode code, Object... args) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code, args);
    }
}
