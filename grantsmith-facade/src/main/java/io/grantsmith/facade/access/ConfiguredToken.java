package io.grantsmith.facade.access;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.token.TokenHasher;

/**
 * A bearer token that an operator configures (the admin token, the metrics token). It must be long enough that it
 * cannot be guessed; only its hash is kept.
 */
public final class ConfiguredToken {
    /** 32 characters: 192 bits or more from any random base64 or hex generator. */
    public static final int MIN_LENGTH = 32;

    private ConfiguredToken() {
    }

    /**
     * The hash of a configured token.
     *
     * @param setting the setting's name, for the message ({@code admin-token})
     * @throws IllegalArgumentException when the token is shorter than {@link #MIN_LENGTH}; the message does not
     *                                  repeat the token
     */
    public static TokenHash hash(String setting, String token) {
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the configured " + setting + " has " + token.length()
                    + " characters; it needs at least " + MIN_LENGTH + " (e.g. from 'openssl rand -base64 32')");
        }
        return TokenHasher.hash(token);
    }
}
