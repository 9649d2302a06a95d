package io.grantsmith.registry;

import io.grantsmith.core.model.TokenHash;
import java.time.Instant;
import java.util.Objects;

/**
 * A service as the management API keeps it: the service's JSON document (opaque to stores) and the hash
 * of its API secret.
 */
public record StoredService(long id, TokenHash apiSecretHash, String document, Instant createdAt,
        Instant modifiedAt) {
    public StoredService {
        Objects.requireNonNull(apiSecretHash, "apiSecretHash");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }
}
