package io.grantsmith.core.token;

import io.grantsmith.core.model.TokenHash;
import java.util.Objects;

/**
 * A token value about to be issued, with its row key and hash.
 *
 * @param callerChosen whether the value came from the caller ({@code accessToken} in the request) rather than
 *                     from {@link TokenFormat}: such a value carries no key, so stores find it by its hash
 */
public record TokenValue(long key, String value, TokenHash hash, boolean callerChosen) {
    public TokenValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(hash, "hash");
    }

    @Override
    public String toString() {
        return "TokenValue[key=" + key + ", hash=" + hash + ", callerChosen=" + callerChosen + "]";
    }
}
