package io.grantsmith.core.spi;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.core.token.TokenHasher;

/**
 * How a store finds a presented token: by the row key its value carries, checked against the value's hash; or,
 * for a caller-chosen access token (which carries no key), by the hash within its service.
 *
 * @param key the row key of the value, or 0 when the value is not of {@link TokenFormat}
 */
public record TokenLookup(long key, TokenHash hash) {
    public static TokenLookup of(String value) {
        return new TokenLookup(TokenFormat.keyOf(value), TokenHasher.hash(value));
    }
}
