package io.grantsmith.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * An extra property carried by a token. Visible properties become members of the token response; hidden
 * ones are only returned to the authorization server.
 */
public record TokenProperty(String key, String value, boolean hidden) {
    /** Keys that would overwrite a standard token-response member; properties with these keys are dropped. */
    public static final Set<String> RESERVED_KEYS = Set.of("access_token", "token_type", "expires_in",
            "refresh_token", "scope", "error", "error_description", "error_uri", "id_token");

    public TokenProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
