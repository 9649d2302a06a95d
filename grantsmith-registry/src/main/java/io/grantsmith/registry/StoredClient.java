package io.grantsmith.registry;

import io.grantsmith.core.model.ClientSecret;
import java.time.Instant;
import java.util.Objects;

/**
 * A client as the management API keeps it: its JSON document (opaque to stores, without the secret), its
 * alias (unique within the service, for lookups) and its secret, which stores must encrypt at rest.
 *
 * @param alias  the client ID alias, or null
 * @param secret the client secret, or null for public clients
 */
public record StoredClient(long serviceId, long clientId, String alias, ClientSecret secret, String document,
        Instant createdAt, Instant modifiedAt) {
    public StoredClient {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }
}
