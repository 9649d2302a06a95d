package io.grantsmith.core.model;

import io.grantsmith.api.types.GrantType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored refresh token. Its scopes and resources are those of the original grant: a refresh request may
 * narrow what the new access token carries, never what the refresh token carries (RFC 6749 §6).
 *
 * @param key          the row key carried by the token's value
 * @param grantType    the grant that started the family (e.g. PASSWORD)
 * @param rotatedAt    when the token was rotated away, or null while it is active
 * @param successorKey the row key of the token that replaced it, or 0 while it is active
 */
public record RefreshTokenRecord(
        long key,
        TokenHash hash,
        FamilyId family,
        long serviceId,
        long clientId,
        String subject,
        Scopes scopes,
        List<String> resources,
        GrantType grantType,
        Instant issuedAt,
        Instant expiresAt,
        List<TokenProperty> properties,
        boolean clientIdAliasUsed,
        RefreshTokenState state,
        Instant rotatedAt,
        long successorKey) {

    public RefreshTokenRecord {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(scopes, "scopes");
        resources = List.copyOf(resources);
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        properties = List.copyOf(properties);
        Objects.requireNonNull(state, "state");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** This record as the store holds it after rotation at {@code when} to the token with {@code successor}'s key. */
    public RefreshTokenRecord rotated(Instant when, long successor) {
        return new RefreshTokenRecord(key, hash, family, serviceId, clientId, subject, scopes, resources, grantType,
                issuedAt, expiresAt, properties, clientIdAliasUsed, RefreshTokenState.ROTATED, when, successor);
    }

    /** This record with another state (for stores). */
    public RefreshTokenRecord withState(RefreshTokenState newState) {
        return new RefreshTokenRecord(key, hash, family, serviceId, clientId, subject, scopes, resources, grantType,
                issuedAt, expiresAt, properties, clientIdAliasUsed, newState, rotatedAt, successorKey);
    }

    /** This record with another expiry (for stores). */
    public RefreshTokenRecord withExpiresAt(Instant newExpiresAt) {
        return new RefreshTokenRecord(key, hash, family, serviceId, clientId, subject, scopes, resources, grantType,
                issuedAt, newExpiresAt, properties, clientIdAliasUsed, state, rotatedAt, successorKey);
    }

    /** This record with other properties (for stores). */
    public RefreshTokenRecord withProperties(List<TokenProperty> newProperties) {
        return new RefreshTokenRecord(key, hash, family, serviceId, clientId, subject, scopes, resources, grantType,
                issuedAt, expiresAt, newProperties, clientIdAliasUsed, state, rotatedAt, successorKey);
    }
}
