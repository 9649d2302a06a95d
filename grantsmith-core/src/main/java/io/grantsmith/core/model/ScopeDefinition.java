package io.grantsmith.core.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A scope that a service supports. {@code defaultEntry} scopes are granted when a request names none;
 * the attributes {@code access_token.duration} and {@code refresh_token.duration} (seconds) cap the lifetime
 * of tokens that carry the scope.
 */
public record ScopeDefinition(String name, boolean defaultEntry, Map<String, String> attributes) {
    public ScopeDefinition {
        Objects.requireNonNull(name, "name");
        attributes = Map.copyOf(attributes);
    }

    public static ScopeDefinition of(String name) {
        return new ScopeDefinition(name, false, Map.of());
    }

    /** The duration held by attribute {@code key} if it is a positive number of seconds, else zero. */
    public Duration durationAttribute(String key) {
        String value = attributes.get(key);
        if (value == null) {
            return Duration.ZERO;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
