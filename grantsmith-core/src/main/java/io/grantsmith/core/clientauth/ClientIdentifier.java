package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.spi.ClientLookup;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the client a request comes from, by numeric client ID or (where the service and the client enable
 * it) by alias. It neither checks that the client is unlocked ({@link #requireUnlocked}) nor authenticates it
 * ({@link ClientAuthenticator}).
 */
public final class ClientIdentifier {
    private final ClientLookup clients;

    public ClientIdentifier(ClientLookup clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * The client named by the request. The presented ID is attacker-chosen and lookups are cached, so an ID no
     * client can have (longer than any alias) is refused before any lookup, and aliases are looked up only
     * where the service enables them.
     */
    public ClientIdentity identify(Service service, PresentedCredentials credentials, GrantType grantType) {
        return identify(service, credentials, grantType == GrantType.CLIENT_CREDENTIALS
                ? ResultCode.CLIENT_CREDENTIALS_CLIENT_ID_MISSING : ResultCode.CLIENT_ID_MISSING);
    }

    /**
     * As {@link #identify(Service, PresentedCredentials, GrantType)}, at an endpoint with its own wording.
     *
     * @param idMissing the refusal of a request that names no client
     */
    public ClientIdentity identify(Service service, PresentedCredentials credentials, ResultCode idMissing) {
        String id = presentedId(credentials, idMissing);
        if (id.length() > Client.MAX_ALIAS_LENGTH) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_ID_TOO_LONG, Client.MAX_ALIAS_LENGTH);
        }
        Optional<Long> numeric = Client.numericId(id);
        Optional<Client> byId = numeric.flatMap(value -> clients.findClient(service.id(), value));
        if (byId.isPresent()) {
            return new ClientIdentity(byId.get(), false, null);
        }
        if (!service.clientIdAliasEnabled()) {
            // an unknown numeric ID is simply unknown; anything else could only be an alias, which is switched off
            throw numeric.isPresent() ? OAuthException.invalidClient(ResultCode.CLIENT_NOT_FOUND, Quoted.of(id))
                    : OAuthException.invalidClient(ResultCode.CLIENT_ID_ALIAS_NOT_ENABLED, Quoted.of(id));
        }
        Client byAlias = clients.findClientByAlias(service.id(), id)
                .orElseThrow(() -> OAuthException.invalidClient(ResultCode.CLIENT_NOT_FOUND, Quoted.of(id)));
        if (!byAlias.aliasEnabled()) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_ID_ALIAS_NOT_ENABLED, Quoted.of(id));
        }
        return new ClientIdentity(byAlias, true, null);
    }

    private static String presentedId(PresentedCredentials credentials, ResultCode idMissing) {
        String headerId = credentials.headerId();
        // RFC 6749 §3.2: a parameter without a value counts as omitted, so "client_id=" cannot contradict Basic.
        String bodyId = headerId != null && "".equals(credentials.bodyId()) ? null : credentials.bodyId();
        if (headerId != null && bodyId != null && !headerId.equals(bodyId)) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.CLIENT_ID_CONFLICT);
        }
        String id = headerId != null ? headerId : bodyId;
        if (id == null) {
            throw OAuthException.invalidClient(idMissing);
        }
        if (id.isEmpty()) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_ID_EMPTY);
        }
        return id;
    }

    /**
     * Refuses a locked client. Separate from {@link #identify} so that the refusal can name the client, which
     * is identified although it may not use the token endpoint.
     */
    public static void requireUnlocked(ClientIdentity identity) {
        if (identity.client().locked()) {
            throw OAuthException.invalidClient(ResultCode.CLIENT_LOCKED, identity.client().id());
        }
    }
}
