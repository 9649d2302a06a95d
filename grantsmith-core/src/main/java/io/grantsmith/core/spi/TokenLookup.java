package io.grantsmith.core.spi;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.core.token.TokenHasher;

/**
 * How a store finds a presented token, authorization code or ticket: by the row key its value carries, checked
 * against the value's hash; or, for a value that carries no key (a caller-chosen access token, or a code or ticket
 * minted before codes and tickets carried one), by the hash alone. The key is not secret: a match needs the hash too.
 *
 * @param key the row key of the value, or 0 when the value is not of {@link TokenFormat}
 */
public record TokenLookup(long key, TokenHash hash) {
    public static TokenLookup of(String value) {
        return new TokenLookup(TokenFormat.keyOf(value), TokenHasher.hash(value));
    }

    /** Whether the value carried a row key; when not, a store looks for a row without one, by hash. */
    public boolean keyed() {
        return key != 0;
    }
}
