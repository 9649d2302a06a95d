package io.grantsmith.store.memory;

import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.SettingsStore;
import io.grantsmith.registry.StoredClient;
import io.grantsmith.registry.StoredService;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.registry.UserRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Services, clients, users and settings in memory, under one lock; deleting a service deletes its keys too, and
 * deleting a client or a service deletes everything issued to it ({@code purge}, under this lock, then the stores').
 */
final class MemoryRegistries implements ServiceRegistry, ClientRegistry, UserRegistry, SettingsStore {
    private final Map<Long, StoredService> services = new TreeMap<>();
    private final Map<Long, StoredClient> clients = new TreeMap<>();
    private final Map<String, StoredUser> users = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private final MemoryServiceKeys keys;
    private final Consumer<Owner> purge;

    MemoryRegistries(MemoryServiceKeys keys, Consumer<Owner> purge) {
        this.keys = keys;
        this.purge = purge;
    }

    // ---- services ----

    @Override
    public synchronized boolean insert(StoredService service) {
        return services.putIfAbsent(service.id(), service) == null;
    }

    @Override
    public synchronized Optional<StoredService> find(long serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    @Override
    public synchronized boolean update(StoredService service) {
        return services.replace(service.id(), service) != null;
    }

    @Override
    public synchronized boolean delete(long serviceId) {
        clients.values().removeIf(client -> client.serviceId() == serviceId);
        users.values().removeIf(user -> user.serviceId() == serviceId);
        keys.deleteService(serviceId);
        purge.accept(Owner.service(serviceId));
        return services.remove(serviceId) != null;
    }

    @Override
    public synchronized List<StoredService> list(int start, int end) {
        return slice(new ArrayList<>(services.values()), start, end);
    }

    @Override
    public synchronized int count() {
        return services.size();
    }

    // ---- clients ----

    @Override
    public synchronized Outcome insert(StoredClient client) {
        if (clients.containsKey(client.clientId())) {
            return Outcome.CONFLICT_OR_MISSING;
        }
        if (aliasTakenByAnother(client)) {
            return Outcome.ALIAS_TAKEN;
        }
        clients.put(client.clientId(), client);
        return Outcome.DONE;
    }

    @Override
    public synchronized Optional<StoredClient> find(long serviceId, long clientId) {
        return Optional.ofNullable(clients.get(clientId)).filter(client -> client.serviceId() == serviceId);
    }

    @Override
    public synchronized Optional<StoredClient> findByAlias(long serviceId, String alias) {
        return clients.values().stream()
                .filter(client -> client.serviceId() == serviceId && alias.equals(client.alias()))
                .findFirst();
    }

    @Override
    public synchronized Outcome update(StoredClient client) {
        if (find(client.serviceId(), client.clientId()).isEmpty()) {
            return Outcome.CONFLICT_OR_MISSING;
        }
        if (aliasTakenByAnother(client)) {
            return Outcome.ALIAS_TAKEN;
        }
        clients.put(client.clientId(), client);
        return Outcome.DONE;
    }

    @Override
    public synchronized boolean delete(long serviceId, long clientId) {
        if (find(serviceId, clientId).isEmpty()) {
            return false;
        }
        clients.remove(clientId);
        purge.accept(Owner.client(serviceId, clientId));
        return true;
    }

    @Override
    public synchronized List<StoredClient> list(long serviceId, int start, int end) {
        List<StoredClient> ofService = clients.values().stream()
                .filter(client -> client.serviceId() == serviceId)
                .sorted(Comparator.comparingLong(StoredClient::clientId))
                .toList();
        return slice(ofService, start, end);
    }

    @Override
    public synchronized int count(long serviceId) {
        return (int) clients.values().stream().filter(client -> client.serviceId() == serviceId).count();
    }

    private boolean aliasTakenByAnother(StoredClient client) {
        return client.alias() != null && clients.values().stream().anyMatch(other ->
                other.serviceId() == client.serviceId() && other.clientId() != client.clientId()
                        && Objects.equals(other.alias(), client.alias()));
    }

    // ---- users ----

    @Override
    public synchronized boolean insert(StoredUser user) {
        return users.putIfAbsent(userKey(user.serviceId(), user.username()), user) == null;
    }

    @Override
    public synchronized Optional<StoredUser> find(long serviceId, String username) {
        return Optional.ofNullable(users.get(userKey(serviceId, username)));
    }

    @Override
    public synchronized Optional<StoredUser> findBySubject(long serviceId, String subject) {
        return users.values().stream()
                .filter(user -> user.serviceId() == serviceId && user.subject().equals(subject))
                .min(Comparator.comparing(StoredUser::createdAt).thenComparing(StoredUser::username));
    }

    @Override
    public synchronized boolean update(StoredUser user) {
        return users.replace(userKey(user.serviceId(), user.username()), user) != null;
    }

    @Override
    public synchronized boolean updateClaims(long serviceId, String username, String claims) {
        return users.computeIfPresent(userKey(serviceId, username), (key, user) -> user.withClaims(claims)) != null;
    }

    @Override
    public synchronized boolean delete(long serviceId, String username) {
        return users.remove(userKey(serviceId, username)) != null;
    }

    private static String userKey(long serviceId, String username) {
        return serviceId + "\u0000" + username;
    }

    // ---- settings ----

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        settings.put(key, value);
    }

    private static <T> List<T> slice(List<T> all, int start, int end) {
        int from = Math.max(0, Math.min(start, all.size()));
        int to = Math.max(from, Math.min(end, all.size()));
        return List.copyOf(all.subList(from, to));
    }
}
