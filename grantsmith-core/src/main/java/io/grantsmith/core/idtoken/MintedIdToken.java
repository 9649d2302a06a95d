package io.grantsmith.core.idtoken;

import io.grantsmith.core.jose.SignedJwt;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed ID token and what it says.
 *
 * @param jwt       the token: {@code jwt.compact()} goes into the {@code id_token} response member
 * @param claims    its payload, as signed
 * @param expiresAt its {@code exp}
 */
public record MintedIdToken(SignedJwt jwt, Map<String, Object> claims, Instant expiresAt) {
    public MintedIdToken {
        Objects.requireNonNull(jwt, "jwt");
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The compact serialisation. */
    public String value() {
        return jwt.compact();
    }

    @Override
    public String toString() {
        return "MintedIdToken[" + jwt + ", expiresAt=" + expiresAt + "]"; // claims are personal data: not logged
    }
}
