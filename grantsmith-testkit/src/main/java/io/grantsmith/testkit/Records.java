package io.grantsmith.testkit;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.token.TokenHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Ready-made token rows for store tests; each call makes a fresh, unique, increasing key and a fresh hash. */
public final class Records {
    public static final long SERVICE = 1001L;
    /** A second service, for what must stay apart between services. */
    public static final long OTHER_SERVICE = 1002L;
    public static final long CLIENT = 5001L;
    private static final AtomicLong KEYS = new AtomicLong(1L << 40);

    private Records() {
    }

    public static TokenHash freshHash() {
        return TokenHasher.hash(UUID.randomUUID().toString());
    }

    public static long freshKey() {
        return KEYS.incrementAndGet();
    }

    /** How a store would look up the token of this row from the token's value. */
    public static TokenLookup lookup(AccessTokenRecord token) {
        return new TokenLookup(token.callerChosen() ? 0 : token.key(), token.hash());
    }

    public static TokenLookup lookup(RefreshTokenRecord token) {
        return new TokenLookup(token.key(), token.hash());
    }

    public static AccessTokenRecord accessToken(Instant now, Duration lifetime, FamilyId family) {
        return new AccessTokenRecord(freshKey(), freshHash(), false, SERVICE, CLIENT, family == null ? null : "alice",
                Scopes.of("read", "write"), List.of("https://api.example.com/"),
                family == null ? GrantType.CLIENT_CREDENTIALS : GrantType.PASSWORD, now, now.plus(lifetime), family,
                List.of(new TokenProperty("tenant", "acme", false), new TokenProperty("secret", "s", true)), false);
    }

    /** An access token of {@link #SERVICE} whose value the caller chose: it carries no key, so stores find it by hash. */
    public static AccessTokenRecord callerChosenAccessToken(Instant now, Duration lifetime, TokenHash hash) {
        return callerChosenAccessToken(SERVICE, now, lifetime, hash);
    }

    /** A caller-chosen access token of {@code serviceId}. */
    public static AccessTokenRecord callerChosenAccessToken(long serviceId, Instant now, Duration lifetime,
            TokenHash hash) {
        AccessTokenRecord token = accessToken(now, lifetime, null);
        return new AccessTokenRecord(freshKey(), hash, true, serviceId, token.clientId(), token.subject(),
                token.scopes(), token.resources(), token.grantType(), token.issuedAt(), token.expiresAt(),
                token.family(), token.properties(), token.clientIdAliasUsed());
    }

    public static RefreshTokenRecord refreshToken(Instant now, Duration lifetime, FamilyId family) {
        return new RefreshTokenRecord(freshKey(), freshHash(), family, SERVICE, CLIENT, "alice",
                Scopes.of("read", "write"), List.of("https://api.example.com/"), GrantType.PASSWORD, now,
                now.plus(lifetime), List.of(new TokenProperty("tenant", "acme", false)), true,
                RefreshTokenState.ACTIVE, null, 0);
    }

    /** A successor of {@code previous}: same family and grant, new key and hash, issued at {@code now}. */
    public static RefreshTokenRecord successorOf(RefreshTokenRecord previous, Instant now, Duration lifetime) {
        return new RefreshTokenRecord(freshKey(), freshHash(), previous.family(), previous.serviceId(),
                previous.clientId(), previous.subject(), previous.scopes(), previous.resources(), previous.grantType(),
                now, now.plus(lifetime), previous.properties(), previous.clientIdAliasUsed(), RefreshTokenState.ACTIVE,
                null, 0);
    }

    public static Ticket ticket(long serviceId, Instant now, Duration lifetime) {
        return new Ticket(freshHash(), serviceId, CLIENT, true, ClientAuthMethod.CLIENT_SECRET_BASIC,
                Scopes.of("openid", "profile"), List.of("https://api.example.com/"), now, now.plus(lifetime), null);
    }
}
