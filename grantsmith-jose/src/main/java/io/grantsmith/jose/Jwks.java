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
import java.util.EnumMap;
import java.util.Map;

/** The few conversions between Grantsmith's key values and Nimbus's, in one place. */
final class Jwks {
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
     * The signer of a stored key, built once per key and thread-safe: for RS256 and ES256 keys one that keeps
     * initialised JCA signatures ({@link PooledJcaSigner}), else Nimbus's.
     */
    static JWSSigner signer(JWK privateKey, SigningAlgorithm algorithm) throws JOSEException {
        JWSSigner nimbus = signer(privateKey);
        if (algorithm == SigningAlgorithm.RS256 && privateKey instanceof RSAKey rsa) {
            return PooledJcaSigner.rs256(rsa.toPrivateKey(), nimbus);
        }
        if (algorithm == SigningAlgorithm.ES256 && privateKey instanceof ECKey ec
                && Curve.P_256.equals(ec.getCurve())) {
            return PooledJcaSigner.es256(ec.toPrivateKey(), nimbus);
        }
        return nimbus;
    }

    /** A signer for a private key of {@code algorithm}'s type; built once per key, it is thread-safe. */
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

    /** A verifier for the public half of a key; built once per key, it is thread-safe. */
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
