package io.grantsmith.store.jdbc;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The 256-bit AES key that seals client secrets at rest. Kept apart from the database file (configuration or a
 * key file with mode 0600): whoever has both can read every client secret.
 */
public final class SealingKey {
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private SealingKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A key from exactly {@value #LENGTH} bytes; the array is copied. */
    public static SealingKey of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a sealing key has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new SealingKey(bytes.clone());
    }

    /** A new random key, for generating a key file. */
    public static SealingKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new SealingKey(bytes);
    }

    /** A copy of the key material. */
    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "SealingKey[redacted]";
    }
}
