package io.grantsmith.core.spi;

/** What a store did with new token rows. */
public enum SaveOutcome {
    SAVED,
    /**
     * A new row's key is taken, or the hash of a caller-chosen access token is; nothing was saved. Generated
     * keys collide only across nodes that drew the same node bits; the engine then mints afresh.
     */
    DUPLICATE
}
