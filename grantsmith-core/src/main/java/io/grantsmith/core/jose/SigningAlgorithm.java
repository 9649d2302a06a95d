package io.grantsmith.core.jose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The JWS algorithms a service can sign with (RFC 7518 §3, RFC 8037 §3.1). Each needs one kind of key, and
 * each names the hash that OpenID Connect's {@code at_hash}, {@code c_hash} and {@code s_hash} use.
 */
public enum SigningAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256: the default, and the one OpenID Connect Discovery requires. */
    RS256(KeyType.RSA, "SHA-256"),
    /** RSASSA-PSS with SHA-256 (FAPI). */
    PS256(KeyType.RSA, "SHA-256"),
    /** ECDSA on P-256 with SHA-256. */
    ES256(KeyType.EC_P256, "SHA-256"),
    /**
     * EdDSA with Ed25519. Its hash for {@code at_hash} and friends is SHA-512, as the OpenID Connect errata set
     * and oauth4webapi implement it.
     */
    EdDSA(KeyType.ED25519, "SHA-512");

    /** The algorithm of a service's first key when nothing else is said (OpenID Connect Discovery §3). */
    public static final SigningAlgorithm DEFAULT = RS256;

    /** The kind of key an algorithm needs: its JWK {@code kty} and, for curves, {@code crv}. */
    public enum KeyType {
        RSA("RSA", null),
        EC_P256("EC", "P-256"),
        ED25519("OKP", "Ed25519");

        private final String kty;
        private final String curve;

        KeyType(String kty, String curve) {
            this.kty = kty;
            this.curve = curve;
        }

        /** The JWK {@code kty} member (RFC 7517 §4.1). */
        public String kty() {
            return kty;
        }

        /** The JWK {@code crv} member, or null for RSA. */
        public String curve() {
            return curve;
        }
    }

    private final KeyType keyType;
    private final String hashAlgorithm;

    SigningAlgorithm(KeyType keyType, String hashAlgorithm) {
        this.keyType = keyType;
        this.hashAlgorithm = hashAlgorithm;
    }

    /** The {@code alg} value on the wire, e.g. {@code "RS256"}. */
    public String wireName() {
        return name();
    }

    /** The algorithm with this exact wire name (case matters, as in JOSE), if it is one of these. */
    public static Optional<SigningAlgorithm> ofWireName(String name) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.wireName().equals(name)).findFirst();
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The JCA name of the hash behind {@link #halfHash}: {@code SHA-256}, or {@code SHA-512} for EdDSA. */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /**
     * The value of an ID token's {@code at_hash}, {@code c_hash} or {@code s_hash} for {@code value} signed with
     * this algorithm: base64url (no padding) of the left half of the hash of the value's octets (OpenID Connect
     * Core §3.1.3.6, §3.3.2.11; FAPI 1.0 §5.1 for {@code s_hash}). The value is encoded as UTF-8, which is its ASCII
     * representation for the token, code and state values these hashes are defined for.
     */
    public String halfHash(String value) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance(hashAlgorithm).digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + hashAlgorithm, e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }
}
