package io.grantsmith.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A client secret in clear (it is needed in clear for {@code client_secret_jwt}; stores encrypt it at rest).
 * Comparison takes constant time, and the value never appears in {@code toString}.
 */
public final class ClientSecret {
    private final byte[] value;

    private ClientSecret(String value) {
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    public static ClientSecret of(String value) {
        Objects.requireNonNull(value, "value");
        return new ClientSecret(value);
    }

    /** Whether {@code presented} equals this secret; takes the same time wherever the first difference is. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret itself, for the store that seals it and the management API that returns it. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientSecret secret && MessageDigest.isEqual(value, secret.value);
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative: secrets are not hash keys
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}
