package io.grantsmith.store.memory;

import io.grantsmith.registry.ConsentStore;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Consents in a map; a grant merges atomically with what the user allowed the client before. */
final class MemoryConsentStore implements ConsentStore {
    private record Key(long serviceId, String subject, long clientId) {
    }

    private final ConcurrentMap<Key, Set<String>> consents = new ConcurrentHashMap<>();

    @Override
    public Set<String> granted(long serviceId, String subject, long clientId) {
        Set<String> scopes = consents.get(new Key(serviceId, subject, clientId));
        return scopes == null ? Set.of() : scopes;
    }

    @Override
    public void grant(long serviceId, String subject, long clientId, Collection<String> scopes, long grantedAt) {
        consents.merge(new Key(serviceId, subject, clientId), Set.copyOf(scopes), (old, added) -> {
            Set<String> union = new TreeSet<>(old);
            union.addAll(added);
            return Set.copyOf(union);
        });
    }

    /** Deletes what users allowed {@code owner}. */
    void purge(Owner owner) {
        consents.keySet().removeIf(key -> owner.owns(key.serviceId(), key.clientId()));
    }

    @Override
    public void forget(long serviceId, String subject) {
        consents.keySet().removeIf(key -> key.serviceId() == serviceId && key.subject().equals(subject));
    }
}
