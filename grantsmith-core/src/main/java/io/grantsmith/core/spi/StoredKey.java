package io.grantsmith.core.spi;

import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.time.Instant;
import java.util.Objects;

/**
 * One signing key of a service as stores keep it. The key material never changes after insertion; only the
 * state and its times move (see {@link KeyChange.Transition}). Stores seal {@code privateJwk} at rest.
 *
 * @param kid          the key ID, unique within the service
 * @param privateJwk   the whole key, private members included, as JSON text
 * @param publicJwk    the public key as published in the service's JWK Set, as JSON text
 * @param activatedAt  when it became current; null while NEXT, or if it never signed
 * @param retiredAt    when it stopped signing; null unless RETIRED
 * @param publishUntil when a RETIRED key leaves the published set and may be purged: by then every token it
 *                     signed has expired; null unless RETIRED
 */
public record StoredKey(long serviceId, String kid, SigningAlgorithm algorithm, KeyState state,
        PrivateJwk privateJwk, String publicJwk, Instant createdAt, Instant activatedAt, Instant retiredAt,
        Instant publishUntil) {
    public StoredKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(privateJwk, "privateJwk");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(createdAt, "createdAt");
        if (state == KeyState.RETIRED && (retiredAt == null || publishUntil == null)) {
            throw new IllegalArgumentException("a retired key has retiredAt and publishUntil");
        }
    }

    /** Whether the key belongs in the published JWK Set at {@code now}. */
    public boolean publishedAt(Instant now) {
        return state != KeyState.RETIRED || now.isBefore(publishUntil);
    }

    /** This key after {@code transition}; the key material stays. */
    public StoredKey after(KeyChange.Transition transition) {
        return new StoredKey(serviceId, kid, algorithm, transition.to(), privateJwk, publicJwk, createdAt,
                transition.activatedAt(), transition.retiredAt(), transition.publishUntil());
    }
}
