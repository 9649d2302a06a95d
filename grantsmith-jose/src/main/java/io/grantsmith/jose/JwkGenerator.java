package io.grantsmith.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Generates signing keys: RSA 2048 for RS256 and PS256, P-256 for ES256, Ed25519 for EdDSA. The {@code kid} is the
 * key's RFC 7638 thumbprint (SHA-256, base64url), so it is unique without coordination and says nothing else.
 * An RSA key takes a few hundred milliseconds on a busy machine; the others a few.
 */
public final class JwkGenerator implements SigningKeyGenerator {
    /** NIST SP 800-57's minimum for RSA signatures today; 2048 is also what relying parties expect. */
    static final int RSA_BITS = 2048;

    private final SecureRandom random;

    public JwkGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public JwkPair generate(SigningAlgorithm algorithm) {
        try {
            JWK key = switch (algorithm.keyType()) {
                case RSA -> new RSAKeyGenerator(RSA_BITS).secureRandom(random).keyUse(KeyUse.SIGNATURE)
                        .algorithm(Jwks.nimbus(algorithm)).keyIDFromThumbprint(true).generate();
                case EC_P256 -> new ECKeyGenerator(Curve.P_256).secureRandom(random).keyUse(KeyUse.SIGNATURE)
                        .algorithm(Jwks.nimbus(algorithm)).keyIDFromThumbprint(true).generate();
                case ED25519 -> new OctetKeyPairGenerator(Curve.Ed25519).secureRandom(random)
                        .keyUse(KeyUse.SIGNATURE).algorithm(Jwks.nimbus(algorithm)).keyIDFromThumbprint(true)
                        .generate();
            };
            return Jwks.pair(key, algorithm);
        } catch (JOSEException e) {
            throw new IllegalStateException("generating a " + algorithm.wireName() + " key failed", e);
        }
    }
}
