package io.grantsmith.core.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the secret part of the refresh token that replaces a rotated one: HMAC-SHA256 of the old token's value
 * under a server secret (the successor's row key is stored with the rotated token). Because the successor follows
 * from the old value, a client that lost the response to a rotation and retries with the old token (within the
 * grace period of an idempotent service) receives the same successor again, and no token value needs to be
 * stored to make that possible. Without the server secret the successor cannot be computed from the old token.
 */
public final class RefreshTokenSuccessors {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public RefreshTokenSuccessors(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the rotation secret needs at least 256 bits");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The 256-bit secret part of the successor of {@code refreshToken}. */
    public byte[] secretOf(String refreshToken) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update("grantsmith/refresh-successor/v1:".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(refreshToken.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
