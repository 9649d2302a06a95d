package io.grantsmith.core.jose;

import java.util.Objects;

/**
 * A signed JWT.
 *
 * @param compact   the JWS compact serialisation, {@code header.payload.signature}
 * @param keyId     the {@code kid} of the key that signed it
 * @param algorithm the {@code alg} it was signed with
 */
public record SignedJwt(String compact, String keyId, SigningAlgorithm algorithm) {
    public SignedJwt {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public String toString() {
        return "SignedJwt[keyId=" + keyId + ", algorithm=" + algorithm + "]"; // the token itself stays out of logs
    }
}
