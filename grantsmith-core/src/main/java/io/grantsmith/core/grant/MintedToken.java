package io.grantsmith.core.grant;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.result.IssuedToken;
import io.grantsmith.core.token.TokenHasher;
import java.time.Duration;
import java.time.Instant;

/** A token value about to be issued, with its hash and expiry. */
record MintedToken(String value, TokenHash hash, Instant expiresAt) {
    static MintedToken of(String value, Instant now, Duration lifetime) {
        return new MintedToken(value, TokenHasher.hash(value), now.plus(lifetime));
    }

    /** This token expiring no later than {@code notAfter} (service flag {@code tokenExpirationLinked}). */
    MintedToken notAfter(Instant notAfter) {
        return expiresAt.isAfter(notAfter) ? new MintedToken(value, hash, notAfter) : this;
    }

    /** The token as a result reports it, with its lifetime counted from {@code now} in whole seconds. */
    IssuedToken issued(Instant now) {
        Duration remaining = Duration.between(now, expiresAt);
        return new IssuedToken(value, expiresAt, Duration.ofSeconds(Math.max(0, remaining.getSeconds())));
    }

    @Override
    public String toString() {
        return "MintedToken[hash=" + hash + ", expiresAt=" + expiresAt + "]";
    }
}
