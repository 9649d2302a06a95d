package io.grantsmith.jose;

import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.util.Objects;

/**
 * A signing key as JSON text, ready to be stored: the whole key and its public half. Both carry {@code kid},
 * {@code alg} and {@code "use":"sig"}.
 */
public record JwkPair(String kid, SigningAlgorithm algorithm, PrivateJwk privateJwk, String publicJwk) {
    public JwkPair {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(privateJwk, "privateJwk");
        Objects.requireNonNull(publicJwk, "publicJwk");
    }
}
