package io.grantsmith.facade.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.facade.access.ApiAccess;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.StoredService;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code /service/create}, {@code /get}, {@code /update}, {@code /delete} and {@code /get/list} in Authlete's
 * Service JSON shape, and {@code /service/secret/rotate}. The API secret is generated here, returned once by
 * creation (or rotation), and kept only as a hash.
 */
public final class ServiceManagement {
    private static final int MAX_ID_ATTEMPTS = 8;

    private final ServiceRegistry registry;
    private final Directory directory;
    private final ApiAccess access;
    private final Ids ids;
    private final Clock clock;
    private final KeyManagement keys;

    /**
     * Update, rotation and deletion each read the row and write it whole: serialised here, so that an update
     * running beside a rotation cannot write the old secret's hash back.
     */
    private final Object rowLock = new Object();

    public ServiceManagement(ServiceRegistry registry, Directory directory, ApiAccess access, Ids ids, Clock clock,
            KeyManagement keys) {
        this.registry = registry;
        this.directory = directory;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Creates a service; the answer carries {@code apiKey} (the service ID) and, this once, {@code apiSecret}. The
     * keys of its {@code jwks} are imported; without one, an RS256 key is generated.
     */
    public ObjectNode create(JsonNode body) {
        ObjectNode document = ServiceDocuments.prepare(body);
        KeyManagement.Plan plan = keys.plan(null, document);
        String apiSecret = ids.newSecret();
        Instant now = clock.instant();
        for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
            StoredService stored = new StoredService(ids.newServiceId(), TokenHasher.hash(apiSecret),
                    Documents.write(document), now, now);
            if (registry.insert(stored)) {
                applyToNewService(stored.id(), plan);
                directory.serviceChanged(stored.id());
                access.serviceSecretChanged(stored.id());
                return keys.withPublicKeys(stored.id(), ServiceDocuments.view(stored, apiSecret));
            }
        }
        throw new IllegalStateException("no free service ID after " + MAX_ID_ATTEMPTS + " random draws");
    }

    /** A service whose keys cannot be stored must not stay behind without them. */
    private void applyToNewService(long serviceId, KeyManagement.Plan plan) {
        try {
            keys.apply(serviceId, plan);
        } catch (RuntimeException e) {
            registry.delete(serviceId);
            throw e;
        }
    }

    public ObjectNode get(long serviceId) {
        return keys.withPublicKeys(serviceId, ServiceDocuments.view(find(serviceId), null));
    }

    /**
     * Replaces the service's settings with the body (Authlete's update replaces; it does not merge). A
     * {@code jwks} replaces the service's keys; without one they stay as they are.
     */
    public ObjectNode update(long serviceId, JsonNode body) {
        ObjectNode document = ServiceDocuments.prepare(body);
        synchronized (rowLock) {
            StoredService existing = find(serviceId);
            KeyManagement.Plan plan = keys.plan(serviceId, document);
            StoredService updated = new StoredService(serviceId, existing.apiSecretHash(), Documents.write(document),
                    existing.createdAt(), clock.instant());
            if (!registry.update(updated)) {
                throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId);
            }
            keys.apply(serviceId, plan);
            directory.serviceChanged(serviceId);
            return keys.withPublicKeys(serviceId, ServiceDocuments.view(updated, null));
        }
    }

    /**
     * Replaces the service's API secret with a new one and answers it, this once, as
     * {@code {resultCode, resultMessage, apiKey, apiSecret}}. The old secret is refused from now on, on v3 (Bearer)
     * and v2 (Basic) paths alike; tokens already issued keep working.
     */
    public ObjectNode rotateSecret(long serviceId, String apiName) {
        String apiSecret = ids.newSecret();
        synchronized (rowLock) {
            StoredService existing = find(serviceId);
            StoredService rotated = new StoredService(serviceId, TokenHasher.hash(apiSecret), existing.document(),
                    existing.createdAt(), clock.instant());
            if (!registry.update(rotated)) {
                throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId);
            }
            access.serviceSecretChanged(serviceId);
            directory.serviceChanged(serviceId);
        }
        ObjectNode response = WireJson.mapper().createObjectNode();
        response.put("resultCode", ApiResultCode.SECRET_ROTATED.code());
        response.put("resultMessage", ApiResultCode.SECRET_ROTATED.message(apiName, serviceId));
        response.put("apiKey", serviceId);
        response.put("apiSecret", apiSecret);
        return response;
    }

    /** Deletes the service with its clients, users and keys, and every token, ticket and code issued under it. */
    public void delete(long serviceId) {
        synchronized (rowLock) {
            if (!registry.delete(serviceId)) {
                throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId);
            }
            access.serviceSecretChanged(serviceId);
            directory.serviceChanged(serviceId);
        }
        keys.serviceDeleted(serviceId);
    }

    /** Services ordered by ID; {@code start} inclusive, {@code end} exclusive, as Authlete pages lists. */
    public ObjectNode list(Paging paging) {
        ObjectNode response = WireJson.mapper().createObjectNode();
        response.put("start", paging.start());
        response.put("end", paging.end());
        response.put("totalCount", registry.count());
        ArrayNode services = response.putArray("services");
        registry.list(paging.start(), paging.end())
                .forEach(stored -> services.add(keys.withPublicKeys(stored.id(), ServiceDocuments.view(stored, null))));
        return response;
    }

    private StoredService find(long serviceId) {
        return registry.find(serviceId).orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }
}
