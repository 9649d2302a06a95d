package io.grantsmith.registry;

import java.util.List;
import java.util.Optional;

/** Persistence of clients for the management API. Aliases are unique within a service. */
public interface ClientRegistry {
    enum Outcome {
        DONE,
        /** Insert: the client ID is taken (IDs are unique across services). Update: no such client. */
        CONFLICT_OR_MISSING,
        ALIAS_TAKEN
    }

    Outcome insert(StoredClient client);

    Optional<StoredClient> find(long serviceId, long clientId);

    Optional<StoredClient> findByAlias(long serviceId, String alias);

    Outcome update(StoredClient client);

    /**
     * Deletes the client and, in the same write, everything issued to it: access and refresh tokens, grant records,
     * password-grant tickets, authorization tickets and codes, and the consents users gave it. False when there was
     * no such client.
     */
    boolean delete(long serviceId, long clientId);

    /** Clients of the service ordered by ID, from index {@code start} (inclusive) to {@code end} (exclusive). */
    List<StoredClient> list(long serviceId, int start, int end);

    int count(long serviceId);
}
