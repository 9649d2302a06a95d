package io.grantsmith.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.EnumMap;
import java.util.Map;

/** The few conversions between Grantsmith's key values and Nimbus's, in one place. */
final class Jwks {
    private static final System.Logger LOG = System.getLogger(JoseProvider.class.getName());
    private static final Map<SigningAlgorithm, JWSAlgorithm> ALGORITHMS = new EnumMap<>(Map.of(
            SigningAlgorithm.RS256, JWSAlgorithm.RS256,
            SigningAlgorithm.PS256, JWSAlgorithm.PS256,
            SigningAlgorithm.ES256, JWSAlgorithm.ES256,
            SigningAlgorithm.EdDSA, JWSAlgorithm.EdDSA));

    private Jwks() {
    }

    static JWSAlgorithm nimbus(SigningAlgorithm algorithm) {
        return ALGORITHMS.get(algorithm);
    }

    /**
     * The key with {@code kid}, {@code alg} and {@code "use":"sig"} set, and with the members a JWK Set must not
     * carry about a signing key dropped ({@code key_ops} is implied by {@code use}).
     */
    static JWK normalised(JWK jwk, SigningAlgorithm algorithm, String kid) {
        JWSAlgorithm alg = nimbus(algorithm);
        if (jwk instanceof RSAKey rsa) {
            return new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE).keyOperations(null).algorithm(alg).keyID(kid)
                    .build();
        }
        if (jwk instanceof ECKey ec) {
            return new ECKey.Builder(ec).keyUse(KeyUse.SIGNATURE).keyOperations(null).algorithm(alg).keyID(kid)
                    .build();
        }
        if (jwk instanceof OctetKeyPair okp) {
            return new OctetKeyPair.Builder(okp).keyUse(KeyUse.SIGNATURE).keyOperations(null).algorithm(alg)
                    .keyID(kid).build();
        }
        throw new IllegalArgumentException("not a signing key type: " + jwk.getKeyType());
    }

    /** A pair to store from a private key that {@link #normalised} has prepared. */
    static JwkPair pair(JWK privateKey, SigningAlgorithm algorithm) {
        JWK publicKey = privateKey.toPublicJWK();
        if (!privateKey.isPrivate() || publicKey.isPrivate()) {
            throw new IllegalArgumentException("a key pair needs a private key and yields a public one");
        }
        return new JwkPair(privateKey.getKeyID(), algorithm, PrivateJwk.of(privateKey.toJSONString()),
                publicKey.toJSONString());
    }

    /**
     * The signer of a stored key, built once per key and thread-safe: RSA and ECDSA through {@code jca}'s provider
     * for the key's algorithm, with the key translated for it here, once ({@link #jcaSigner}); EdDSA with Tink.
     */
    static JWSSigner signer(JWK privateKey, SigningAlgorithm algorithm, JoseProvider jca) throws JOSEException {
        if (privateKey instanceof RSAKey rsa) {
            return jcaSigner(rsa.toPrivateKey(), nimbus(algorithm), jca);
        }
        if (privateKey instanceof ECKey ec) {
            return jcaSigner(ec.toPrivateKey(), nimbus(algorithm), jca);
        }
        return signer(privateKey);
    }

    /**
     * A Nimbus signer of an RSA or EC private key for {@code algorithm} with the key translated once for
     * {@code jca}'s provider, which also signs. The translation is what matters: ACCP handed a JDK key converts it
     * on every {@code initSign}, which halves ES256's rate and thirds RS256's. Nimbus's own {@code getInstance} +
     * {@code initSign} per signature costs under 1 µs with a translated key (a pool of initialised signatures
     * gained 0-2 %, so there is none).
     */
    static JWSSigner jcaSigner(PrivateKey jdkKey, JWSAlgorithm algorithm, JoseProvider jca) throws JOSEException {
        PrivateKey key = jca.translate(jdkKey, algorithm);
        Provider provider = jca.providerFor(algorithm);
        JWSSigner nimbus;
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            nimbus = new RSASSASigner(key);
        } else if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            nimbus = new ECDSASigner(key, Curve.forJWSAlgorithm(algorithm).iterator().next());
        } else {
            throw new JOSEException("not an RSA or ECDSA algorithm: " + algorithm);
        }
        nimbus.getJCAContext().setProvider(provider);
        return nimbus;
    }

    /** A Nimbus verifier of an RSA or EC public key for {@code algorithm}, through {@code jca}'s provider. */
    static JWSVerifier jcaVerifier(PublicKey jdkKey, JWSAlgorithm algorithm, JoseProvider jca) throws JOSEException {
        PublicKey key = jca.translate(jdkKey, algorithm);
        JWSVerifier verifier;
        if (JWSAlgorithm.Family.RSA.contains(algorithm) && key instanceof RSAPublicKey rsa) {
            verifier = new RSASSAVerifier(rsa);
        } else if (JWSAlgorithm.Family.EC.contains(algorithm) && key instanceof ECPublicKey ec) {
            verifier = new ECDSAVerifier(ec);
        } else {
            throw new JOSEException("not a public key for " + algorithm + ": " + key.getClass().getName());
        }
        verifier.getJCAContext().setProvider(jca.providerFor(algorithm));
        return verifier;
    }

    /** The signer and verifier of one stored key pair. */
    record Crypto(JWSSigner signer, JWSVerifier verifier) {
    }

    /**
     * The signer and verifier of a key pair through {@code jca} ({@link #signer(JWK, SigningAlgorithm, JoseProvider)},
     * {@link #verifier(JWK, SigningAlgorithm, JoseProvider)}); when {@code jca}'s provider refuses the key (cannot
     * translate it), both through the JDK, with one warning that names the key and the reason: a key the JDK accepts
     * must never be dropped because the native provider does not take it.
     */
    static Crypto crypto(JWK privateJwk, JWK publicJwk, SigningAlgorithm algorithm, JoseProvider jca, String name)
            throws JOSEException {
        try {
            return new Crypto(signer(privateJwk, algorithm, jca), verifier(publicJwk, algorithm, jca));
        } catch (JoseProvider.KeyRefused e) {
            LOG.log(System.Logger.Level.WARNING, "{0} ({1}) signs and verifies with the JDK: {2}", name,
                    algorithm.wireName(), e.getMessage());
            JoseProvider jdk = JoseProvider.jdk();
            return new Crypto(signer(privateJwk, algorithm, jdk), verifier(publicJwk, algorithm, jdk));
        }
    }

    /** A signer for a private key with the JDK (or Tink); built once per key, it is thread-safe. */
    static JWSSigner signer(JWK privateKey) throws JOSEException {
        if (privateKey instanceof RSAKey rsa) {
            return new RSASSASigner(rsa);
        }
        if (privateKey instanceof ECKey ec) {
            return new ECDSASigner(ec);
        }
        if (privateKey instanceof OctetKeyPair okp) {
            return new Ed25519Signer(okp);
        }
        throw new JOSEException("not a signing key type: " + privateKey.getKeyType());
    }

    /** The verifier of a stored key's public half, through {@code jca} as {@link #signer(JWK, SigningAlgorithm,
     * JoseProvider)}; built once per key, it is thread-safe. */
    static JWSVerifier verifier(JWK key, SigningAlgorithm algorithm, JoseProvider jca) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return jcaVerifier(rsa.toPublicKey(), nimbus(algorithm), jca);
        }
        if (key instanceof ECKey ec) {
            return jcaVerifier(ec.toPublicKey(), nimbus(algorithm), jca);
        }
        return verifier(key);
    }

    /** A verifier for the public half of a key with the JDK (or Tink); built once per key, it is thread-safe. */
    static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toPublicJWK());
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toPublicJWK());
        }
        if (key instanceof OctetKeyPair okp) {
            return new Ed25519Verifier(okp.toPublicJWK());
        }
        throw new JOSEException("not a signing key type: " + key.getKeyType());
    }
}
