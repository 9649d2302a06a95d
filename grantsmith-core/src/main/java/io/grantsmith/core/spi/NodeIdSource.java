package io.grantsmith.core.spi;

/**
 * The node ID that {@link io.grantsmith.core.token.TokenIds} puts into every token row key, so that nodes sharing
 * one database never mint the same key. A multi-node deployment leases it from the database; a source that no longer
 * holds a valid lease must throw rather than answer, so that the node stops minting instead of risking a duplicate.
 */
@FunctionalInterface
public interface NodeIdSource {
    /** How many node IDs there are: {@code 0 .. NODE_IDS - 1}, the 10 node bits of a row key. */
    int NODE_IDS = 1024;

    /**
     * The node ID to mint with now.
     *
     * @throws StoreException when this node holds no valid lease
     */
    int nodeId();

    /** A fixed node ID, for a single process that shares its store with no other node. */
    static NodeIdSource fixed(int nodeId) {
        if (nodeId < 0 || nodeId >= NODE_IDS) {
            throw new IllegalArgumentException("a node ID is between 0 and " + (NODE_IDS - 1));
        }
        return () -> nodeId;
    }
}
