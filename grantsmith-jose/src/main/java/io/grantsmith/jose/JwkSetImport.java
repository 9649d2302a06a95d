package io.grantsmith.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JWK Set given to the management API (Authlete's {@code jwks}: a JSON string holding a JWK Set, private
 * keys included) and checks every key before anything is stored. Accepted are signing keys of the four supported
 * algorithms: RSA of at least 2048 bits (RS256, PS256), EC P-256 (ES256) and Ed25519 (EdDSA). Refused, with the
 * reason: symmetric keys, encryption keys, other curves and algorithms, short RSA keys, duplicate key IDs, and
 * private keys whose public half does not match (each private key signs a test message that its public half must
 * verify). A key without {@code alg} gets the algorithm its type implies (RSA: RS256), one without {@code kid} its
 * RFC 7638 thumbprint.
 */
public final class JwkSetImport {
    /** More keys than this in one service is a mistake, not a key set. */
    static final int MAX_KEYS = 32;
    static final int MAX_KID_LENGTH = 256;
    /** A JWK Set of {@value #MAX_KEYS} RSA 4096 private keys is about 100 KB. */
    static final int MAX_JSON_LENGTH = 256 * 1024;
    private static final byte[] SELF_TEST = "grantsmith key check".getBytes(StandardCharsets.US_ASCII);

    private JwkSetImport() {
    }

    /** The keys of {@code jwkSetJson}, in their order, each checked and normalised (its pair with the JDK). */
    public static List<ImportedKey> parse(String jwkSetJson) throws InvalidJwkSetException {
        return parse(jwkSetJson, JoseProvider.jdk());
    }

    /**
     * The keys of {@code jwkSetJson}, in their order, each checked and normalised; each private key's pair is checked
     * by signing and verifying the way a key ring with {@code jca} will ({@link ServiceKeyRing#joseProvider()}).
     */
    public static List<ImportedKey> parse(String jwkSetJson, JoseProvider jca) throws InvalidJwkSetException {
        if (jwkSetJson == null || jwkSetJson.isBlank()) {
            throw new InvalidJwkSetException("The JWK Set is empty.");
        }
        if (jwkSetJson.length() > MAX_JSON_LENGTH) {
            throw new InvalidJwkSetException("The JWK Set is longer than " + MAX_JSON_LENGTH + " characters.");
        }
        List<Object> entries = keysOf(jwkSetJson);
        if (entries.size() > MAX_KEYS) {
            throw new InvalidJwkSetException("The JWK Set has more than " + MAX_KEYS + " keys.");
        }
        List<ImportedKey> keys = new ArrayList<>(entries.size());
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ImportedKey key = key(i + 1, entries.get(i), jca);
            if (!kids.add(key.kid())) {
                throw new InvalidJwkSetException("The key ID '" + Quoted.of(key.kid())
                        + "' appears more than once in the JWK Set.");
            }
            keys.add(key);
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> keysOf(String json) throws InvalidJwkSetException {
        Map<String, Object> set;
        try {
            set = JSONObjectUtils.parse(json, MAX_JSON_LENGTH);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidJwkSetException("The JWK Set is not a JSON object.");
        }
        Object keys = set.get("keys");
        if (!(keys instanceof List)) {
            throw new InvalidJwkSetException("The JWK Set has no 'keys' array (RFC 7517 §5).");
        }
        return (List<Object>) keys;
    }

    @SuppressWarnings("unchecked")
    private static ImportedKey key(int position, Object entry, JoseProvider jca) throws InvalidJwkSetException {
        if (!(entry instanceof Map)) {
            throw new InvalidJwkSetException("Key " + position + " of the JWK Set is not a JSON object.");
        }
        Map<String, Object> members = (Map<String, Object>) entry;
        Object kidMember = members.get("kid");
        String name = "Key " + position + (kidMember instanceof String kid ? " (kid '" + Quoted.of(kid) + "')" : "");
        Object kty = members.get("kty");
        if ("oct".equals(kty)) {
            throw new InvalidJwkSetException(name + " is a symmetric key (kty 'oct'); only RSA, EC P-256 and "
                    + "Ed25519 signing keys are accepted.");
        }
        if (!"RSA".equals(kty) && !"EC".equals(kty) && !"OKP".equals(kty)) {
            throw new InvalidJwkSetException(name + " has no supported key type (kty): RSA, EC or OKP.");
        }
        JWK jwk;
        try {
            jwk = JWK.parse(members);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidJwkSetException(name + " is not a valid " + kty + " key (RFC 7517, RFC 7518 §6, "
                    + "RFC 8037).");
        }
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            throw new InvalidJwkSetException(name + " is not a signing key (its 'use' is '"
                    + Quoted.of(jwk.getKeyUse().getValue()) + "'); only signing keys are accepted.");
        }
        if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.SIGN)) {
            throw new InvalidJwkSetException(name + " may not sign (its 'key_ops' lack 'sign').");
        }
        SigningAlgorithm algorithm = algorithm(name, jwk);
        String kid = kid(name, jwk);
        JWK normalised = Jwks.normalised(jwk, algorithm, kid);
        String publicJwk = normalised.toPublicJWK().toJSONString();
        if (!normalised.isPrivate()) {
            return new ImportedKey(kid, algorithm, publicJwk, null);
        }
        checkPair(name, normalised, algorithm, jca);
        return new ImportedKey(kid, algorithm, publicJwk, PrivateJwk.of(normalised.toJSONString()));
    }

    private static SigningAlgorithm algorithm(String name, JWK jwk) throws InvalidJwkSetException {
        SigningAlgorithm.KeyType type = keyType(name, jwk);
        if (type == SigningAlgorithm.KeyType.RSA && jwk.size() < JwkGenerator.RSA_BITS) {
            throw new InvalidJwkSetException(name + " is an RSA key of " + jwk.size() + " bits; at least "
                    + JwkGenerator.RSA_BITS + " are required.");
        }
        if (jwk.getAlgorithm() == null) {
            return switch (type) {
                case RSA -> SigningAlgorithm.RS256;
                case EC_P256 -> SigningAlgorithm.ES256;
                case ED25519 -> SigningAlgorithm.EdDSA;
            };
        }
        String alg = jwk.getAlgorithm().getName();
        Optional<SigningAlgorithm> algorithm = SigningAlgorithm.ofWireName(alg);
        if (algorithm.isEmpty()) {
            throw new InvalidJwkSetException(name + " has the algorithm '" + Quoted.of(alg)
                    + "'; accepted are RS256, PS256, ES256 and EdDSA.");
        }
        if (algorithm.get().keyType() != type) {
            throw new InvalidJwkSetException(name + " has the algorithm " + alg + ", which needs "
                    + describe(algorithm.get().keyType()) + " key, not " + describe(type) + " key.");
        }
        return algorithm.get();
    }

    private static SigningAlgorithm.KeyType keyType(String name, JWK jwk) throws InvalidJwkSetException {
        if (KeyType.RSA.equals(jwk.getKeyType())) {
            return SigningAlgorithm.KeyType.RSA;
        }
        Curve curve = jwk instanceof ECKey ec ? ec.getCurve() : ((OctetKeyPair) jwk).getCurve();
        if (jwk instanceof ECKey && Curve.P_256.equals(curve)) {
            return SigningAlgorithm.KeyType.EC_P256;
        }
        if (jwk instanceof OctetKeyPair && Curve.Ed25519.equals(curve)) {
            return SigningAlgorithm.KeyType.ED25519;
        }
        throw new InvalidJwkSetException(name + " uses the curve '" + Quoted.of(curve.getName()) + "'; accepted are "
                + "P-256 (ES256) and Ed25519 (EdDSA).");
    }

    private static String describe(SigningAlgorithm.KeyType type) {
        return switch (type) {
            case RSA -> "an RSA";
            case EC_P256 -> "an EC P-256";
            case ED25519 -> "an Ed25519";
        };
    }

    private static String kid(String name, JWK jwk) throws InvalidJwkSetException {
        String kid = jwk.getKeyID();
        if (kid == null) {
            try {
                return jwk.computeThumbprint().toString();
            } catch (JOSEException e) {
                throw new InvalidJwkSetException(name + " has no 'kid', and its thumbprint cannot be computed.");
            }
        }
        if (kid.isEmpty() || kid.length() > MAX_KID_LENGTH || kid.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidJwkSetException(name + " has a 'kid' that is empty, longer than " + MAX_KID_LENGTH
                    + " characters or holds control characters.");
        }
        return kid;
    }

    /**
     * Signs a test message with the private key and verifies it with the public half, through the provider that will
     * (a key the native one refuses goes to the JDK there too): they must belong together.
     */
    private static void checkPair(String name, JWK key, SigningAlgorithm algorithm, JoseProvider jca)
            throws InvalidJwkSetException {
        JWSHeader header = new JWSHeader(Jwks.nimbus(algorithm));
        try {
            Jwks.Crypto crypto = Jwks.crypto(key, key.toPublicJWK(), algorithm, jca, "the imported " + name);
            Base64URL signature = crypto.signer().sign(header, SELF_TEST);
            if (crypto.verifier().verify(header, SELF_TEST, signature)) {
                return;
            }
        } catch (JOSEException | RuntimeException e) {
            // reported below
        }
        throw new InvalidJwkSetException(name + " cannot sign: its private and public parts do not belong together.");
    }
}
