package io.grantsmith.core.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the refresh token that replaces a rotated one: HMAC-SHA256 of the old token's value under a
 * server secret. Because the successor follows from the old value, a client that lost the response to a
 * rotation and retries with the old token (within the grace period of an idempotent service) receives the
 * same successor again, and no token value needs to be stored to make that possible. Without the server
 * secret the successor cannot be computed from the old token.
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

    public String successorOf(String refreshToken) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update("grantsmith/refresh-successor/v1:".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = mac.doFinal(refreshToken.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
