package io.grantsmith.registry;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * Node IDs ({@code 0 .. NodeIdSource.NODE_IDS - 1}) leased to the nodes that share a store, each to one holder until
 * its lease expires, so that the node bits of token row keys are unique among live nodes. Every change is one
 * conditional statement: two nodes racing for an ID cannot both get it. Times are the nodes' clocks, which must agree
 * within the safety margin of the lease (see {@code NodeLease} in the facade).
 */
public interface NodeLeases {
    /**
     * Leases the lowest node ID that no one holds or whose lease expired before {@code now} to {@code holder}, until
     * {@code expiresAt}.
     *
     * @return the ID, or empty when every ID is held by a live lease
     */
    OptionalInt acquire(String holder, Instant now, Instant expiresAt);

    /**
     * Extends {@code holder}'s lease of {@code nodeId} to {@code expiresAt}.
     *
     * @return false when the holder no longer holds it (it expired and another holder took it)
     */
    boolean renew(int nodeId, String holder, Instant expiresAt);

    /** Gives {@code holder}'s lease of {@code nodeId} up, so that the next node can take it at once. */
    void release(int nodeId, String holder);
}
