package io.grantsmith.core.spi;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import java.util.Optional;

/**
 * Access and refresh tokens, kept by row key (see {@link io.grantsmith.core.token.TokenFormat}) with the hash
 * of their value. Every write is a single atomic operation: implementations must not let two calls interleave
 * inside one write, and must have made the write durable before returning.
 */
public interface TokenStore {
    /**
     * Stores an access token issued without a refresh token. {@link SaveOutcome#DUPLICATE} when its key is taken,
     * or when it is caller-chosen and its service already has a caller-chosen token with the same hash.
     */
    SaveOutcome saveAccessToken(AccessTokenRecord accessToken);

    /** Stores an access token and the refresh token that starts its family, both or neither. */
    SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken);

    /**
     * The access token of {@code serviceId} that a presented value names: the service's row with the lookup's
     * key whose hash matches, or for a value without a key, the service's caller-chosen token with that hash.
     * Caller-chosen values are unique per service, not across services (as in Authlete), so the service is part
     * of the lookup; a token of another service is never found.
     */
    Optional<AccessTokenRecord> findAccessToken(long serviceId, TokenLookup lookup);

    /** The refresh token a presented value names: the row with the lookup's key, if its hash matches. */
    Optional<RefreshTokenRecord> findRefreshToken(TokenLookup lookup);

    /** The refresh token with this row key (a rotated token's successor), whatever its state. */
    Optional<RefreshTokenRecord> findRefreshToken(long key);

    /** Applies one refresh if its precondition holds; see {@link RefreshWrite}. */
    RefreshWriteOutcome applyRefresh(RefreshWrite write);

    /** Revokes every refresh token of the family and deletes its access tokens. Idempotent. */
    void revokeFamily(FamilyId family);
}
