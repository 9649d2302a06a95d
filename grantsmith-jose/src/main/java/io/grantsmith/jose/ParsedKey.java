package io.grantsmith.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.grantsmith.core.spi.StoredKey;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One stored key, parsed once into what signing and verifying need: the public JWK, a signer and a verifier
 * (thread-safe, holding the JCA key already translated for the provider that signs with it ({@link JoseProvider}) or
 * Tink's, so nothing is converted per signature), and
 * the JOSE headers already encoded for the few header shapes callers use. The parsed material is kept across
 * reloads of the key set while the stored key material is unchanged, whatever its state.
 */
final class ParsedKey {
    /** Callers use a handful of header shapes (an ID token's, an access token's); more are not cached. */
    static final int MAX_CACHED_HEADERS = 16;

    private final StoredKey stored;
    private final Material material;

    private record Material(JWK publicJwk, JWSSigner signer, JWSVerifier verifier,
            Map<Map<String, ?>, JWSHeader> headers) {
    }

    private ParsedKey(StoredKey stored, Material material) {
        this.stored = stored;
        this.material = material;
    }

    static ParsedKey parse(StoredKey stored, JoseProvider jca) throws ParseException, JOSEException {
        JWK privateJwk = JWK.parse(stored.privateJwk().reveal());
        if (!privateJwk.isPrivate()) {
            throw new ParseException("the stored private key has no private members", 0);
        }
        JWK publicJwk = JWK.parse(stored.publicJwk());
        if (publicJwk.isPrivate()) {
            throw new ParseException("the stored public key has private members", 0);
        }
        Jwks.Crypto crypto = Jwks.crypto(privateJwk, publicJwk, stored.algorithm(), jca,
                "the signing key " + stored.kid());
        return new ParsedKey(stored, new Material(publicJwk, crypto.signer(), crypto.verifier(),
                new ConcurrentHashMap<>()));
    }

    /** The same parsed material for the key as stored now (its state or times changed, not its material). */
    ParsedKey as(StoredKey current) {
        return new ParsedKey(current, material);
    }

    /** Whether {@code other} holds the same key material, so that this parse can be reused for it. */
    boolean sameMaterial(StoredKey other) {
        return stored.kid().equals(other.kid()) && stored.algorithm() == other.algorithm()
                && stored.privateJwk().equals(other.privateJwk()) && stored.publicJwk().equals(other.publicJwk());
    }

    /**
     * The header {@code {"alg":…,"kid":…, …members}} for this key, encoded once per shape of {@code members}:
     * parsing it back from its base64url makes Nimbus reuse that encoding instead of writing JSON per signature.
     *
     * @throws IllegalArgumentException when {@code members} sets {@code alg} or {@code kid}, or is not a valid
     *                                  JWS header
     */
    JWSHeader header(Map<String, ?> members) {
        JWSHeader cached = material.headers().get(members);
        if (cached != null) {
            return cached;
        }
        if (members.containsKey("alg") || members.containsKey("kid")) {
            throw new IllegalArgumentException("the header's alg and kid come from the signing key");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alg", stored.algorithm().wireName());
        json.put("kid", stored.kid());
        json.putAll(Claims.checked(members));
        JWSHeader header;
        try {
            header = JWSHeader.parse(Base64URL.encode(JSONObjectUtils.toJSONString(json)));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a valid JWS header: " + e.getMessage(), e);
        }
        if (material.headers().size() < MAX_CACHED_HEADERS) {
            material.headers().putIfAbsent(Collections.unmodifiableMap(new LinkedHashMap<>(members)), header);
        }
        return header;
    }

    StoredKey stored() {
        return stored;
    }

    JWK publicJwk() {
        return material.publicJwk();
    }

    JWSSigner signer() {
        return material.signer();
    }

    JWSVerifier verifier() {
        return material.verifier();
    }
}
