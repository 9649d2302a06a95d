package io.grantsmith.testkit;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
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
    public static final Duration GRANT_LIFETIME = Duration.ofDays(365);
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

    /** How a store would look up this ticket from its value: by key and hash, or by hash alone without a key. */
    public static TokenLookup lookup(Ticket ticket) {
        return new TokenLookup(ticket.key(), ticket.hash());
    }

    public static TokenLookup lookup(AuthorizationTicket ticket) {
        return new TokenLookup(ticket.key(), ticket.hash());
    }

    public static TokenLookup lookup(AuthorizationCode code) {
        return new TokenLookup(code.key(), code.hash());
    }

    public static AccessTokenRecord accessToken(Instant now, Duration lifetime, FamilyId family) {
        return AccessTokenRecord.builder(freshKey(), freshHash()).serviceId(SERVICE).clientId(CLIENT)
                .subject(family == null ? null : "alice").scopes(Scopes.of("read", "write"))
                .resources(List.of("https://api.example.com/"))
                .grantType(family == null ? GrantType.CLIENT_CREDENTIALS : GrantType.PASSWORD).issuedAt(now)
                .expiresAt(now.plus(lifetime)).family(family)
                .properties(List.of(new TokenProperty("tenant", "acme", false), new TokenProperty("secret", "s", true)))
                .build();
    }

    /** An access token of {@link #SERVICE} whose value the caller chose: it carries no key, so stores find it by hash. */
    public static AccessTokenRecord callerChosenAccessToken(Instant now, Duration lifetime, TokenHash hash) {
        return callerChosenAccessToken(SERVICE, now, lifetime, hash);
    }

    /** A caller-chosen access token of {@code serviceId}. */
    public static AccessTokenRecord callerChosenAccessToken(long serviceId, Instant now, Duration lifetime,
            TokenHash hash) {
        AccessTokenRecord token = accessToken(now, lifetime, null);
        return AccessTokenRecord.builder(freshKey(), hash).callerChosen(true).serviceId(serviceId)
                .clientId(token.clientId()).subject(token.subject()).scopes(token.scopes())
                .resources(token.resources()).grantType(token.grantType()).issuedAt(token.issuedAt())
                .expiresAt(token.expiresAt()).properties(token.properties()).build();
    }

    /**
     * The grant of a family of {@link #SERVICE}, kept for {@link #GRANT_LIFETIME}: longer than any token the tests
     * issue, so that a refresh write does not change it.
     */
    public static GrantRecord grant(Instant now, FamilyId family) {
        return GrantRecord.builder(family).serviceId(SERVICE).clientId(CLIENT).subject("alice")
                .scopes(Scopes.of("read", "write")).resources(List.of("https://api.example.com/"))
                .grantType(GrantType.PASSWORD).claims("{\"userinfo\":{\"email\":null}}")
                .authTime(now.minusSeconds(30)).acr("urn:example:acr:pwd").nonce("n-0S6_WzA2Mj")
                .consentedClaims(List.of("email", "name#ja")).createdAt(now).expiresAt(now.plus(GRANT_LIFETIME)).build();
    }

    /** The first refresh token of a new grant ({@link #grant}) of {@code family}. */
    public static RefreshTokenRecord refreshToken(Instant now, Duration lifetime, FamilyId family) {
        return RefreshTokenRecord.builder(freshKey(), freshHash(), grant(now, family)).issuedAt(now)
                .expiresAt(now.plus(lifetime)).properties(List.of(new TokenProperty("tenant", "acme", false)))
                .clientIdAliasUsed(true).state(RefreshTokenState.ACTIVE).build();
    }

    /** A successor of {@code previous}: same grant, new key and hash, issued at {@code now}. */
    public static RefreshTokenRecord successorOf(RefreshTokenRecord previous, Instant now, Duration lifetime) {
        return RefreshTokenRecord.builder(freshKey(), freshHash(), previous.grant()).issuedAt(now)
                .expiresAt(now.plus(lifetime)).properties(previous.properties())
                .clientIdAliasUsed(previous.clientIdAliasUsed()).state(RefreshTokenState.ACTIVE).build();
    }

    /** A password ticket as the engine mints it: with a row key (see {@link #legacyTicket} for one from before V12). */
    public static Ticket ticket(long serviceId, Instant now, Duration lifetime) {
        return ticket(freshKey(), serviceId, now, lifetime);
    }

    /** A password ticket minted before tickets carried a row key: found by its hash alone. */
    public static Ticket legacyTicket(long serviceId, Instant now, Duration lifetime) {
        return ticket(0, serviceId, now, lifetime);
    }

    private static Ticket ticket(long key, long serviceId, Instant now, Duration lifetime) {
        return new Ticket(key, freshHash(), serviceId, CLIENT, true, ClientAuthMethod.CLIENT_SECRET_BASIC,
                Scopes.of("openid", "profile"), List.of("https://api.example.com/"), now, now.plus(lifetime), null);
    }
}
