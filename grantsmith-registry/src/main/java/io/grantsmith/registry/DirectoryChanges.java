package io.grantsmith.registry;

/**
 * Changes to services, clients and signing keys that other processes made through the same store, so that a node
 * drops what it cached of them. A store that several nodes share reports every such change it commits (PostgreSQL:
 * {@code LISTEN/NOTIFY}); a store that lives in one process has no one else to hear from ({@link #NONE}). Delivery
 * is best effort: when a store may have missed changes (its listening connection was lost), it says so with
 * {@link Listener#everythingMayHaveChanged()} once it listens again. Caches keep their time-to-live as a last bound.
 */
public interface DirectoryChanges {
    /** A store with no other writers to hear from. */
    DirectoryChanges NONE = listener -> {
    };

    /** Calls {@code listener} for every change from now on, on a thread of the store's. */
    void subscribe(Listener listener);

    /** What changed. Called on the store's listening thread: implementations must be quick and thread-safe. */
    interface Listener {
        /** The service's settings changed, or it was deleted (its clients with it). */
        void serviceChanged(long serviceId);

        /** A client of the service was created, changed or deleted. */
        void clientsChanged(long serviceId);

        /** The service's signing keys changed. */
        void keysChanged(long serviceId);

        /** Changes may have been missed: drop everything cached. */
        void everythingMayHaveChanged();
    }
}
