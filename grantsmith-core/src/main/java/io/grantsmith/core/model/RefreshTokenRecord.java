package io.grantsmith.core.model;

import io.grantsmith.api.types.GrantType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored refresh token: its own fields, and the {@link GrantRecord} it belongs to (stored once per family).
 * Its scopes and resources are those of the grant: a refresh request may narrow what the new access token
 * carries, never what the refresh token carries (RFC 6749 §6). Build one with {@link #builder}.
 *
 * @param key          the row key carried by the token's value
 * @param properties   the token's properties (merged with each extension's)
 * @param state        where the token is in its life, as stored; {@link #state()} reports REVOKED once the grant is
 * @param rotatedAt    when the token was rotated away, or null while it is active
 * @param successorKey the row key of the token that replaced it, or 0 while it is active
 */
public record RefreshTokenRecord(
        long key,
        TokenHash hash,
        GrantRecord grant,
        Instant issuedAt,
        Instant expiresAt,
        List<TokenProperty> properties,
        boolean clientIdAliasUsed,
        RefreshTokenState state,
        Instant rotatedAt,
        long successorKey) {

    public RefreshTokenRecord {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        properties = List.copyOf(properties);
        Objects.requireNonNull(state, "state");
    }

    public static Builder builder(long key, TokenHash hash, GrantRecord grant) {
        return new Builder(key, hash, grant);
    }

    public Builder toBuilder() {
        return new Builder(key, hash, grant).issuedAt(issuedAt).expiresAt(expiresAt).properties(properties)
                .clientIdAliasUsed(clientIdAliasUsed).state(state).rotatedAt(rotatedAt).successorKey(successorKey);
    }

    /** The stored state, except that every token of a revoked grant is REVOKED. */
    @Override
    public RefreshTokenState state() {
        return grant.revoked() ? RefreshTokenState.REVOKED : state;
    }

    public FamilyId family() {
        return grant.id();
    }

    public long serviceId() {
        return grant.serviceId();
    }

    public long clientId() {
        return grant.clientId();
    }

    public String subject() {
        return grant.subject();
    }

    public Scopes scopes() {
        return grant.scopes();
    }

    public List<String> resources() {
        return grant.resources();
    }

    /** The grant that started the family (e.g. PASSWORD). */
    public GrantType grantType() {
        return grant.grantType();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** This record as the store holds it after rotation at {@code when} to the token with {@code successor}'s key. */
    public RefreshTokenRecord rotated(Instant when, long successor) {
        return toBuilder().state(RefreshTokenState.ROTATED).rotatedAt(when).successorKey(successor).build();
    }

    /** This record with another state (for stores). */
    public RefreshTokenRecord withState(RefreshTokenState newState) {
        return toBuilder().state(newState).build();
    }

    /** This record with another expiry (for stores). */
    public RefreshTokenRecord withExpiresAt(Instant newExpiresAt) {
        return toBuilder().expiresAt(newExpiresAt).build();
    }

    /** This record with other properties (for stores). */
    public RefreshTokenRecord withProperties(List<TokenProperty> newProperties) {
        return toBuilder().properties(newProperties).build();
    }

    /** This record with its grant as the store holds it now (for stores that keep the two apart). */
    public RefreshTokenRecord withGrant(GrantRecord current) {
        return new RefreshTokenRecord(key, hash, current, issuedAt, expiresAt, properties, clientIdAliasUsed, state,
                rotatedAt, successorKey);
    }

    public static final class Builder {
        private final long key;
        private final TokenHash hash;
        private final GrantRecord grant;
        private Instant issuedAt;
        private Instant expiresAt;
        private List<TokenProperty> properties = List.of();
        private boolean clientIdAliasUsed;
        private RefreshTokenState state = RefreshTokenState.ACTIVE;
        private Instant rotatedAt;
        private long successorKey;

        private Builder(long key, TokenHash hash, GrantRecord grant) {
            this.key = key;
            this.hash = hash;
            this.grant = grant;
        }

        public Builder issuedAt(Instant value) { issuedAt = value; return this; }
        public Builder expiresAt(Instant value) { expiresAt = value; return this; }
        public Builder properties(List<TokenProperty> value) { properties = value; return this; }
        public Builder clientIdAliasUsed(boolean value) { clientIdAliasUsed = value; return this; }
        public Builder state(RefreshTokenState value) { state = value; return this; }
        public Builder rotatedAt(Instant value) { rotatedAt = value; return this; }
        public Builder successorKey(long value) { successorKey = value; return this; }

        public RefreshTokenRecord build() {
            return new RefreshTokenRecord(key, hash, grant, issuedAt, expiresAt, properties, clientIdAliasUsed, state,
                    rotatedAt, successorKey);
        }
    }
}
