package io.grantsmith.facade.manage;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.IssuanceLimit;
import io.grantsmith.core.spi.ServiceLookup;
import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.StoredClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The engine's view of services and clients, decoded from the stored documents and cached, so that a token
 * request costs no store read for them. Changes made through this process invalidate the cache at once;
 * changes made by another node on a shared store as soon as the store reports them ({@link OtherNodesChanges});
 * changes nobody reports (the offline CLI on SQLite) are seen after {@code ttl}. Unknown IDs are cached
 * too, so that requests for random client IDs cannot turn into a stream of store reads.
 *
 * <p>Keys are chosen by whoever sends a request, so the caches are bounded by weight (roughly bytes: the key,
 * the stored document and a fixed overhead per entry), not by count: a flood of unknown IDs evicts old entries
 * instead of growing the heap. The engine refuses client IDs longer than any alias before it gets here.</p>
 */
public final class Directory implements ServiceLookup, ClientLookup {
    /**
     * Weight budget of the three caches together, in approximate bytes: a quarter of the heap, at most 64 MiB. A
     * fixed 64 MiB would be two thirds of the launcher's 96 MiB heap, and full caches beside the password checks'
     * memory would leave no room for the requests' garbage.
     */
    static final long CACHE_BUDGET = cacheBudget(Runtime.getRuntime().maxMemory());
    static final long SERVICE_WEIGHT = CACHE_BUDGET / 4;
    static final long CLIENT_WEIGHT = CACHE_BUDGET / 2;
    static final long ALIAS_WEIGHT = CACHE_BUDGET / 4;
    /** What an entry costs besides its key's characters and its document: cache node, key, Optional, model. */
    static final int ENTRY_OVERHEAD = 160;

    private record ClientKey(long serviceId, long clientId) {
    }

    private record AliasKey(long serviceId, String alias) {
    }

    /** A cache value with its weight, computed once when it is loaded. */
    private record Weighed<T>(Optional<T> value, int weight) {
    }

    private final LoadingCache<Long, Weighed<ServiceEntry>> services;
    private final LoadingCache<ClientKey, Weighed<Client>> clients;
    private final LoadingCache<AliasKey, Weighed<Client>> aliases;

    /**
     * Services have only the issuer their documents name.
     *
     * @param issuanceLimits each service's issuance limit, asked when the service is loaded
     */
    public Directory(ServiceRegistry serviceRegistry, ClientRegistry clientRegistry, Duration ttl,
            LongFunction<IssuanceLimit> issuanceLimits) {
        this(serviceRegistry, clientRegistry, ttl, issuanceLimits, serviceId -> null);
    }

    static long cacheBudget(long maxHeapBytes) {
        return Math.min(64L * 1024 * 1024, maxHeapBytes / 4);
    }

    /**
     * @param issuanceLimits each service's issuance limit, asked when the service is loaded
     * @param defaultIssuers the issuer of a service whose document names none (the built-in authorization
     *                       server's), or null; asked when the service is loaded
     */
    public Directory(ServiceRegistry serviceRegistry, ClientRegistry clientRegistry, Duration ttl,
            LongFunction<IssuanceLimit> issuanceLimits, LongFunction<String> defaultIssuers) {
        this(serviceRegistry, clientRegistry, ttl, issuanceLimits, defaultIssuers, SERVICE_WEIGHT, CLIENT_WEIGHT,
                ALIAS_WEIGHT);
    }

    Directory(ServiceRegistry serviceRegistry, ClientRegistry clientRegistry, Duration ttl,
            LongFunction<IssuanceLimit> issuanceLimits, LongFunction<String> defaultIssuers, long serviceWeight,
            long clientWeight, long aliasWeight) {
        this.services = Caffeine.newBuilder().maximumWeight(serviceWeight).expireAfterWrite(ttl)
                .weigher((Long id, Weighed<ServiceEntry> entry) -> entry.weight())
                .build(id -> serviceRegistry.find(id)
                        .map(stored -> new Weighed<>(Optional.of(ServiceDocuments.entry(stored,
                                defaultIssuers.apply(stored.id()), issuanceLimits.apply(stored.id()))),
                                weight(0, stored.document())))
                        .orElseGet(() -> new Weighed<>(Optional.empty(), ENTRY_OVERHEAD)));
        this.clients = Caffeine.newBuilder().maximumWeight(clientWeight).expireAfterWrite(ttl)
                .weigher((ClientKey key, Weighed<Client> entry) -> entry.weight())
                .build(key -> client(clientRegistry.find(key.serviceId(), key.clientId()), 0));
        this.aliases = Caffeine.newBuilder().maximumWeight(aliasWeight).expireAfterWrite(ttl)
                .weigher((AliasKey key, Weighed<Client> entry) -> entry.weight())
                .build(key -> client(clientRegistry.findByAlias(key.serviceId(), key.alias()), key.alias().length()));
    }

    public Optional<ServiceEntry> serviceEntry(long serviceId) {
        return services.get(serviceId).value();
    }

    @Override
    public Optional<Service> findService(long serviceId) {
        return serviceEntry(serviceId).map(ServiceEntry::service);
    }

    @Override
    public Optional<Client> findClient(long serviceId, long clientId) {
        return clients.get(new ClientKey(serviceId, clientId)).value();
    }

    @Override
    public Optional<Client> findClientByAlias(long serviceId, String alias) {
        return aliases.get(new AliasKey(serviceId, alias)).value();
    }

    /**
     * Every service's settings may have changed (the public URL, and with it the issuer of services whose documents
     * name none): they are loaded again when next used.
     */
    public void servicesChanged() {
        services.invalidateAll();
    }

    /** Anything may have changed (another node's changes may have been missed): everything is read again. */
    void everythingChanged() {
        services.invalidateAll();
        clients.invalidateAll();
        aliases.invalidateAll();
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

    /** How many alias entries are cached (for tests of what attacker-chosen IDs leave behind). */
    long cachedAliases() {
        aliases.cleanUp();
        return aliases.estimatedSize();
    }

    private static Weighed<Client> client(Optional<StoredClient> stored, int keyCharacters) {
        return stored.map(found -> new Weighed<>(Optional.of(ClientDocuments.model(found)),
                        weight(keyCharacters, found.document())))
                .orElseGet(() -> new Weighed<>(Optional.empty(), weight(keyCharacters, "")));
    }

    /** Documents are decoded into models of a similar size; twice the characters covers both. */
    private static int weight(int keyCharacters, String document) {
        long weight = ENTRY_OVERHEAD + 2L * keyCharacters + 2L * document.length();
        return (int) Math.min(weight, Integer.MAX_VALUE);
    }
}
