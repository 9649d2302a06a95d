package io.grantsmith.store.memory;

import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoredKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signing keys in memory, under one lock; private keys are kept in clear (there is no disk to protect them on). */
final class MemoryServiceKeys implements ServiceKeyStore {
    private static final Comparator<StoredKey> OLDEST_FIRST = Comparator.comparing(StoredKey::createdAt)
            .thenComparing(StoredKey::kid);

    private final Map<Long, Map<String, StoredKey>> keys = new HashMap<>();

    @Override
    public synchronized List<StoredKey> list(long serviceId) {
        List<StoredKey> list = new ArrayList<>(keys.getOrDefault(serviceId, Map.of()).values());
        list.sort(OLDEST_FIRST);
        return List.copyOf(list);
    }

    @Override
    public synchronized boolean apply(long serviceId, List<KeyChange> changes) {
        Map<String, StoredKey> next = new LinkedHashMap<>(keys.getOrDefault(serviceId, Map.of()));
        for (KeyChange change : changes) {
            if (!applyTo(next, change)) {
                return false;
            }
        }
        if (next.isEmpty()) {
            keys.remove(serviceId);
        } else {
            keys.put(serviceId, next);
        }
        return true;
    }

    private static boolean applyTo(Map<String, StoredKey> serviceKeys, KeyChange change) {
        StoredKey existing = serviceKeys.get(change.kid());
        if (change instanceof KeyChange.Insert insert) {
            return existing == null && serviceKeys.put(insert.kid(), insert.key()) == null;
        }
        if (change instanceof KeyChange.Transition transition) {
            if (existing == null || existing.state() != transition.from()) {
                return false;
            }
            serviceKeys.put(transition.kid(), existing.after(transition));
            return true;
        }
        KeyChange.Delete delete = (KeyChange.Delete) change;
        return existing != null && existing.state() == delete.from() && serviceKeys.remove(delete.kid()) != null;
    }

    @Override
    public synchronized int purgeRetired(Instant now, int limit) {
        int deleted = 0;
        for (Iterator<Map<String, StoredKey>> services = keys.values().iterator(); services.hasNext(); ) {
            Map<String, StoredKey> serviceKeys = services.next();
            for (Iterator<StoredKey> it = serviceKeys.values().iterator(); it.hasNext() && deleted < limit; ) {
                StoredKey key = it.next();
                if (key.state() == KeyState.RETIRED && key.publishUntil().isBefore(now)) {
                    it.remove();
                    deleted++;
                }
            }
            if (serviceKeys.isEmpty()) {
                services.remove();
            }
        }
        return deleted;
    }

    /** Deletes every key of a deleted service. */
    synchronized void deleteService(long serviceId) {
        keys.remove(serviceId);
    }
}
