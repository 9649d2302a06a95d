package io.grantsmith.registry;

import java.util.List;
import java.util.Optional;

/** Persistence of services for the management API. */
public interface ServiceRegistry {
    /** Inserts a new service; false when its ID is taken. */
    boolean insert(StoredService service);

    Optional<StoredService> find(long serviceId);

    /** Replaces the document and modification time of an existing service; false when there is none. */
    boolean update(StoredService service);

    /**
     * Deletes the service with its clients, users and signing keys and, in the same write, everything issued to its
     * clients (as {@link ClientRegistry#delete}); false when there was none.
     */
    boolean delete(long serviceId);

    /** Services ordered by ID, from index {@code start} (inclusive) to {@code end} (exclusive). */
    List<StoredService> list(int start, int end);

    int count();
}
