package io.grantsmith.core.model;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** The SHA-256 hash of a token, ticket or secret value: the only form in which stores keep them. */
public final class TokenHash {
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private TokenHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TokenHash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a token hash has " + LENGTH + " bytes");
        }
        return new TokenHash(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The hash in base64url without padding, as Authlete shows token hashes. */
    public String toBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes, 0, 4) + "…";
    }
}
