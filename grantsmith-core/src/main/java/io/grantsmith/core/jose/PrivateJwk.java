package io.grantsmith.core.jose;

import java.util.Objects;

/**
 * A private JWK as JSON text (RFC 7517), held in clear only in memory: stores seal it at rest, and it never
 * appears in {@code toString}, so that a logged record cannot leak it.
 */
public final class PrivateJwk {
    private final String json;

    private PrivateJwk(String json) {
        this.json = json;
    }

    public static PrivateJwk of(String json) {
        Objects.requireNonNull(json, "json");
        return new PrivateJwk(json);
    }

    /** The JSON text, for the store that seals it and the key ring that parses it. */
    public String reveal() {
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrivateJwk jwk && json.equals(jwk.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "PrivateJwk[redacted]";
    }
}
