package io.grantsmith.core.token;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The value of an access or refresh token, authorization code or ticket: base64url (no padding) of an 8-byte row
 * key followed by 32 random bytes, 54 characters in all. The key lets a store find the row directly (see
 * {@link TokenIds}); the 256 random bits are the secret part. Stores keep only the SHA-256 of the whole value, so a database dump
 * yields no usable token.
 */
public final class TokenFormat {
    public static final int SECRET_BYTES = 32;
    static final int KEY_BYTES = 8;
    public static final int LENGTH = 54;

    private TokenFormat() {
    }

    public static String encode(long key, byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the secret part has " + SECRET_BYTES + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.allocate(KEY_BYTES + SECRET_BYTES).putLong(key).put(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The row key a value of this format carries, or 0 when the value is not of this format. */
    public static long keyOf(String value) {
        if (value == null || value.length() != LENGTH) {
            return 0;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return 0;
            }
        }
        long key = ByteBuffer.wrap(Base64.getUrlDecoder().decode(value), 0, KEY_BYTES).getLong();
        return Math.max(key, 0);
    }
}
