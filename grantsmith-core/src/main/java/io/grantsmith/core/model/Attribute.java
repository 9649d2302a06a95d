package io.grantsmith.core.model;

import java.util.Objects;

/** A key-value attribute configured on a service or client (Authlete's {@code Pair}). */
public record Attribute(String key, String value) {
    public Attribute {
        Objects.requireNonNull(key, "key");
    }
}
