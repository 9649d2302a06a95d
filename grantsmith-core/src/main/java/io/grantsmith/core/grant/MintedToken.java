package io.grantsmith.core.grant;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.result.IssuedToken;
import io.grantsmith.core.token.TokenValue;
import java.time.Duration;
import java.time.Instant;

/** A token value about to be issued, with its expiry. */
record MintedToken(TokenValue token, Instant expiresAt) {
    static MintedToken of(TokenValue token, Instant now, Duration lifetime) {
        return new MintedToken(token, now.plus(lifetime));
    }

    long key() {
        return token.key();
    }

    TokenHash hash() {
        return token.hash();
    }

    /** The token as a result reports it, with its lifetime counted from {@code now} in whole seconds. */
    IssuedToken issued(Instant now) {
        Duration remaining = Duration.between(now, expiresAt);
        return new IssuedToken(token.value(), expiresAt, Duration.ofSeconds(Math.max(0, remaining.getSeconds())));
    }

    @Override
    public String toString() {
        return "MintedToken[" + token + ", expiresAt=" + expiresAt + "]";
    }
}
