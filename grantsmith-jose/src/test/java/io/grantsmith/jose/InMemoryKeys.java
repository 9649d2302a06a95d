package io.grantsmith.jose;

import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoredKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The smallest key store for this module's tests (the real ones live in the store modules, which test against
 * the testkit's contract; depending on them here would make a cycle through the testkit).
 */
public final class InMemoryKeys implements ServiceKeyStore {
    private final List<StoredKey> keys = new ArrayList<>();
    private int reads;

    @Override
    public synchronized List<StoredKey> list(long serviceId) {
        reads++;
        return keys.stream().filter(key -> key.serviceId() == serviceId)
                .sorted(Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::kid)).toList();
    }

    @Override
    public synchronized boolean apply(long serviceId, List<KeyChange> changes) {
        List<StoredKey> next = new ArrayList<>(keys);
        for (KeyChange change : changes) {
            StoredKey existing = next.stream().filter(key -> key.serviceId() == serviceId
                    && key.kid().equals(change.kid())).findFirst().orElse(null);
            if (change instanceof KeyChange.Insert insert) {
                if (existing != null) {
                    return false;
                }
                next.add(insert.key());
            } else if (change instanceof KeyChange.Transition transition) {
                if (existing == null || existing.state() != transition.from()) {
                    return false;
                }
                next.set(next.indexOf(existing), existing.after(transition));
            } else if (change instanceof KeyChange.Delete delete) {
                if (existing == null || existing.state() != delete.from()) {
                    return false;
                }
                next.remove(existing);
            }
        }
        keys.clear();
        keys.addAll(next);
        return true;
    }

    @Override
    public synchronized int purgeRetired(Instant now, int limit) {
        throw new UnsupportedOperationException("not needed here");
    }

    /** How many times the keys were read. */
    public synchronized int reads() {
        return reads;
    }
}
