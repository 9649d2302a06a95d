package io.grantsmith.facade.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.StoredClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /client/create}, {@code /get/{id}}, {@code /update/{id}}, {@code /delete/{id}} and {@code /get/list}
 * in Authlete's Client JSON shape. IDs are generated; a confidential client gets a generated secret, which
 * the API returns (Authlete does too) and the store keeps encrypted.
 */
public final class ClientManagement {
    /** How many clients a service may have unless configured otherwise: far more than any real service has. */
    public static final int DEFAULT_MAX_CLIENTS_PER_SERVICE = 100_000;
    private static final int MAX_ID_ATTEMPTS = 8;
    private static final int CREATION_LOCKS = 64;

    private final ServiceRegistry services;
    private final ClientRegistry registry;
    private final Directory directory;
    private final Ids ids;
    private final Clock clock;
    private final int maxClientsPerService;
    /** Counting and inserting under one service's lock keeps concurrent creations from passing the limit. */
    private final Object[] creationLocks = new Object[CREATION_LOCKS];

    /** @param maxClientsPerService how many clients one service may have; creation beyond that is refused */
    public ClientManagement(ServiceRegistry services, ClientRegistry registry, Directory directory, Ids ids,
            Clock clock, int maxClientsPerService) {
        if (maxClientsPerService < 1) {
            throw new IllegalArgumentException("maxClientsPerService must be positive");
        }
        this.services = services;
        this.registry = registry;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
        this.maxClientsPerService = maxClientsPerService;
        for (int i = 0; i < CREATION_LOCKS; i++) {
            creationLocks[i] = new Object();
        }
    }

    /**
     * Creates a client; refused with {@link ApiResultCode#CLIENT_LIMIT_REACHED} when the service already has as
     * many as it may (the count is exact for creations through this process; other processes may overshoot it
     * by the creations they make concurrently).
     */
    public ObjectNode create(long serviceId, JsonNode body) {
        requireService(serviceId);
        ClientDocuments.Prepared prepared = ClientDocuments.prepare(body);
        synchronized (creationLocks[Math.floorMod(serviceId, CREATION_LOCKS)]) {
            if (registry.count(serviceId) >= maxClientsPerService) {
                throw new ApiFailure(ApiResultCode.CLIENT_LIMIT_REACHED, maxClientsPerService);
            }
            return insert(serviceId, prepared);
        }
    }

    private ObjectNode insert(long serviceId, ClientDocuments.Prepared prepared) {
        ClientSecret secret = prepared.type() == ClientType.PUBLIC ? null : ClientSecret.of(ids.newSecret());
        Instant now = clock.instant();
        for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
            StoredClient client = new StoredClient(serviceId, ids.newClientId(), prepared.alias(), secret,
                    Documents.write(prepared.document()), now, now);
            ClientRegistry.Outcome outcome = registry.insert(client);
            if (outcome == ClientRegistry.Outcome.ALIAS_TAKEN) {
                throw new ApiFailure(ApiResultCode.ALIAS_TAKEN, prepared.alias());
            }
            if (outcome == ClientRegistry.Outcome.DONE) {
                directory.clientsChanged(serviceId);
                return ClientDocuments.view(client);
            }
        }
        throw new IllegalStateException("no free client ID after " + MAX_ID_ATTEMPTS + " random draws");
    }

    /** @param idOrAlias the numeric client ID or the client's alias */
    public ObjectNode get(long serviceId, String idOrAlias) {
        return ClientDocuments.view(find(serviceId, idOrAlias));
    }

    /**
     * Replaces the client's settings with the body (Authlete's update replaces; it does not merge). The ID and
     * secret stay; a client that becomes confidential gets a secret, one that becomes public loses it.
     */
    public ObjectNode update(long serviceId, long clientId, JsonNode body) {
        requireService(serviceId);
        StoredClient existing = registry.find(serviceId, clientId)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.CLIENT_NOT_FOUND, clientId));
        ClientDocuments.Prepared prepared = ClientDocuments.prepare(body);
        ClientSecret secret = prepared.type() == ClientType.PUBLIC ? null
                : existing.secret() != null ? existing.secret() : ClientSecret.of(ids.newSecret());
        StoredClient updated = new StoredClient(serviceId, clientId, prepared.alias(), secret,
                Documents.write(prepared.document()), existing.createdAt(), clock.instant());
        ClientRegistry.Outcome outcome = registry.update(updated);
        if (outcome == ClientRegistry.Outcome.ALIAS_TAKEN) {
            throw new ApiFailure(ApiResultCode.ALIAS_TAKEN, prepared.alias());
        }
        if (outcome == ClientRegistry.Outcome.CONFLICT_OR_MISSING) {
            throw new ApiFailure(ApiResultCode.CLIENT_NOT_FOUND, clientId);
        }
        directory.clientsChanged(serviceId);
        return ClientDocuments.view(updated);
    }

    /** Deletes the client and, in the same write, every token, ticket, code and consent issued to it. */
    public void delete(long serviceId, String idOrAlias) {
        StoredClient client = find(serviceId, idOrAlias);
        if (!registry.delete(serviceId, client.clientId())) {
            throw new ApiFailure(ApiResultCode.CLIENT_NOT_FOUND, idOrAlias);
        }
        directory.clientsChanged(serviceId);
    }

    public ObjectNode list(long serviceId, Paging paging) {
        requireService(serviceId);
        ObjectNode response = WireJson.mapper().createObjectNode();
        response.put("start", paging.start());
        response.put("end", paging.end());
        response.putNull("developer");
        response.put("totalCount", registry.count(serviceId));
        ArrayNode clients = response.putArray("clients");
        registry.list(serviceId, paging.start(), paging.end()).forEach(client -> clients.add(ClientDocuments.view(client)));
        return response;
    }

    private StoredClient find(long serviceId, String idOrAlias) {
        requireService(serviceId);
        Optional<StoredClient> byId = parseId(idOrAlias).flatMap(id -> registry.find(serviceId, id));
        return byId.or(() -> registry.findByAlias(serviceId, idOrAlias))
                .orElseThrow(() -> new ApiFailure(ApiResultCode.CLIENT_NOT_FOUND, idOrAlias));
    }

    private void requireService(long serviceId) {
        if (services.find(serviceId).isEmpty()) {
            throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId);
        }
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
