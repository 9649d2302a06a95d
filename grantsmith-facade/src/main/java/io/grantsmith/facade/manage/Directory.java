package io.grantsmith.facade.manage;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.ClientRegistry;
import io.grantsmith.core.spi.ServiceLookup;
import io.grantsmith.core.spi.ServiceRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine's view of services and clients, decoded from the stored documents and cached, so that a token
 * request costs no store read for them. Changes made through this process invalidate the cache at once;
 * changes made elsewhere (another node, the offline CLI) are seen after {@code ttl}. Unknown IDs are cached
 * too, so that requests for random client IDs cannot turn into a stream of store reads.
 */
public final class Directory implements ServiceLookup, ClientLookup {
    private record ClientKey(long serviceId, long clientId) {
    }

    private record AliasKey(long serviceId, String alias) {
    }

    private final LoadingCache<Long, Optional<ServiceEntry>> services;
    private final LoadingCache<ClientKey, Optional<Client>> clients;
    private final LoadingCache<AliasKey, Optional<Client>> aliases;

    public Directory(ServiceRegistry serviceRegistry, ClientRegistry clientRegistry, Duration ttl) {
        this.services = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl)
                .build(id -> serviceRegistry.find(id)
                        .map(stored -> new ServiceEntry(ServiceDocuments.model(stored.id(), stored.document()),
                                stored.apiSecretHash())));
        this.clients = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl)
                .build(key -> clientRegistry.find(key.serviceId(), key.clientId()).map(ClientDocuments::model));
        this.aliases = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl)
                .build(key -> clientRegistry.findByAlias(key.serviceId(), key.alias()).map(ClientDocuments::model));
    }

    public Optional<ServiceEntry> serviceEntry(long serviceId) {
        return services.get(serviceId);
    }

    @Override
    public Optional<Service> findService(long serviceId) {
        return serviceEntry(serviceId).map(ServiceEntry::service);
    }

    @Override
    public Optional<Client> findClient(long serviceId, long clientId) {
        return clients.get(new ClientKey(serviceId, clientId));
    }

    @Override
    public Optional<Client> findClientByAlias(long serviceId, String alias) {
        return aliases.get(new AliasKey(serviceId, alias));
    }

    void serviceChanged(long serviceId) {
        services.invalidate(serviceId);
        clientsChanged(serviceId);
    }

    /** Any client of the service changed: its ID entries and every alias entry of the service are stale. */
    void clientsChanged(long serviceId) {
        clients.asMap().keySet().removeIf(key -> key.serviceId() == serviceId);
        aliases.asMap().keySet().removeIf(key -> key.serviceId() == serviceId);
    }
}
