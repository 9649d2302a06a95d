package io.grantsmith.core.spi;

import java.time.Instant;
import java.util.List;

/**
 * Persistence of the services' signing keys (their JWK Sets). Private keys are sealed at rest by stores that
 * write to disk; this port hands them over in clear, and only to the key ring that parses them.
 */
public interface ServiceKeyStore {
    /** Every stored key of the service, oldest first (by creation time, then key ID); empty for none. */
    List<StoredKey> list(long serviceId);

    /**
     * Applies {@code changes} to the service's keys atomically, in order: either every change's precondition
     * holds and all are applied, or nothing changes and the answer is false (a concurrent change won; read the
     * keys again and decide again).
     */
    boolean apply(long serviceId, List<KeyChange> changes);

    /**
     * Deletes up to {@code limit} retired keys, of any service, whose {@code publishUntil} is before {@code now}:
     * every token they signed has expired, so nobody needs them any more.
     *
     * @return how many keys were deleted
     */
    int purgeRetired(Instant now, int limit);
}
