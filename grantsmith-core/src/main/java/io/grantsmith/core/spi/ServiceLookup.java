package io.grantsmith.core.spi;

import io.grantsmith.core.model.Service;
import java.util.Optional;

/** Finds the configuration of a service. Called on every request: implementations cache. */
public interface ServiceLookup {
    Optional<Service> findService(long serviceId);
}
