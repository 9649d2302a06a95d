package io.grantsmith.store.memory;

import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.registry.NodeLeases;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Node ID leases in a map, under one lock: the same rules as the database's, for nodes sharing one process. */
final class MemoryNodeLeases implements NodeLeases {
    private record Lease(String holder, Instant expiresAt) {
    }

    private final Map<Integer, Lease> leases = new HashMap<>();

    @Override
    public synchronized OptionalInt acquire(String holder, Instant now, Instant expiresAt) {
        for (int candidate = 0; candidate < NodeIdSource.NODE_IDS; candidate++) {
            Lease lease = leases.get(candidate);
            if (lease == null || lease.expiresAt().isBefore(now)) {
                leases.put(candidate, new Lease(holder, expiresAt));
                return OptionalInt.of(candidate);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public synchronized boolean renew(int nodeId, String holder, Instant expiresAt) {
        Lease lease = leases.get(nodeId);
        if (lease == null || !lease.holder().equals(holder)) {
            return false;
        }
        leases.put(nodeId, new Lease(holder, expiresAt));
        return true;
    }

    @Override
    public synchronized void release(int nodeId, String holder) {
        leases.computeIfPresent(nodeId, (id, lease) -> lease.holder().equals(holder) ? null : lease);
    }
}
