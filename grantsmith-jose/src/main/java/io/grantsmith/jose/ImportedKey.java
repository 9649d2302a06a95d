package io.grantsmith.jose;

import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.util.Objects;

/**
 * One key of an imported JWK Set, checked and normalised ({@code kid}, {@code alg} and {@code "use":"sig"} set).
 *
 * @param privateJwk the whole key; null when the set carried only its public half, which is acceptable only for
 *                   a key the service has already (a service document read back and sent again)
 */
public record ImportedKey(String kid, SigningAlgorithm algorithm, String publicJwk, PrivateJwk privateJwk) {
    public ImportedKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicJwk, "publicJwk");
    }

    public boolean hasPrivateKey() {
        return privateJwk != null;
    }

    /** The key to store; only for a key with its private half. */
    public JwkPair toPair() {
        if (privateJwk == null) {
            throw new IllegalStateException("the key " + kid + " has no private half");
        }
        return new JwkPair(kid, algorithm, privateJwk, publicJwk);
    }

    /** Whether {@code publicJwkJson} is the same public key as this one (same members, whatever their order). */
    public boolean samePublicKey(String publicJwkJson) {
        return PublicKeys.same(publicJwk, publicJwkJson);
    }
}
