package io.grantsmith.core.spi;

import io.grantsmith.core.model.Client;
import java.util.Optional;

/** Finds clients of a service by numeric ID or by alias. Called on every request: implementations cache. */
public interface ClientLookup {
    Optional<Client> findClient(long serviceId, long clientId);

    /** The client whose alias is {@code alias}, whether or not aliases are enabled for it. */
    Optional<Client> findClientByAlias(long serviceId, String alias);
}
