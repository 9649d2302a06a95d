package io.grantsmith.jose;

import io.grantsmith.core.jose.SigningAlgorithm;

/** Makes new signing keys. {@link JwkGenerator} is the real one; tests may reuse keys to save time. */
@FunctionalInterface
public interface SigningKeyGenerator {
    /** A new key for {@code algorithm}, with a {@code kid} that no other key of the service is likely to have. */
    JwkPair generate(SigningAlgorithm algorithm);
}
