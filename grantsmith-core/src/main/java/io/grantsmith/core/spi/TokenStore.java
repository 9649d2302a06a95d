package io.grantsmith.core.spi;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.async.Stages;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Access and refresh tokens, kept by row key (see {@link io.grantsmith.core.token.TokenFormat}) with the hash
 * of their value. Every write is a single atomic operation: implementations must not let two calls interleave
 * inside one write, and must have made the write durable before returning.
 */
public interface TokenStore {
    // The asynchronous writes of the token path: each stage completes once its write is durable (or fails with a
    // StoreException, at the latest at the store's write timeout), so a server answers from the commit instead of
    // parking a thread. A store without a writer of its own keeps the defaults, which write on the calling thread.

    /** {@link #saveAccessToken} without waiting for the commit. */
    default CompletionStage<SaveOutcome> saveAccessTokenAsync(AccessTokenRecord accessToken) {
        return Stages.of(() -> saveAccessToken(accessToken));
    }

    /** {@link #saveAccessTokenWithGrant} without waiting for the commit. */
    default CompletionStage<SaveOutcome> saveAccessTokenWithGrantAsync(AccessTokenRecord accessToken,
            GrantRecord grant) {
        return Stages.of(() -> saveAccessTokenWithGrant(accessToken, grant));
    }

    /** {@link #saveGrant} without waiting for the commit. */
    default CompletionStage<SaveOutcome> saveGrantAsync(AccessTokenRecord accessToken,
            RefreshTokenRecord refreshToken) {
        return Stages.of(() -> saveGrant(accessToken, refreshToken));
    }

    /** {@link #applyRefresh} without waiting for the commit. */
    default CompletionStage<RefreshWriteOutcome> applyRefreshAsync(RefreshWrite write) {
        return Stages.of(() -> applyRefresh(write));
    }

    /**
     * Stores an access token issued without a refresh token. {@link SaveOutcome#DUPLICATE} when its key is taken,
     * or when it is caller-chosen and its service already has a caller-chosen token with the same hash.
     */
    SaveOutcome saveAccessToken(AccessTokenRecord accessToken);

    /**
     * Stores a new grant with its only access token, issued without a refresh token (an authorization-code grant
     * of a client that may not refresh): all or nothing. The grant lets the token be found by its family (for
     * userinfo and revocation). {@link SaveOutcome#DUPLICATE} as for {@link #saveAccessToken}, or when the grant's
     * id is taken.
     */
    SaveOutcome saveAccessTokenWithGrant(AccessTokenRecord accessToken, GrantRecord grant);

    /**
     * Stores a new grant ({@link RefreshTokenRecord#grant()}), its first access token and the refresh token that
     * starts its family: all or nothing.
     */
    SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken);

    /**
     * The access token of {@code serviceId} that a presented value names: the service's row with the lookup's
     * key whose hash matches, or for a value without a key, the service's caller-chosen token with that hash.
     * Caller-chosen values are unique per service, not across services (as in Authlete), so the service is part
     * of the lookup; a token of another service is never found.
     */
    Optional<AccessTokenRecord> findAccessToken(long serviceId, TokenLookup lookup);

    /**
     * The refresh token a presented value names: the row with the lookup's key, if its hash matches, with its
     * grant as stored now.
     */
    Optional<RefreshTokenRecord> findRefreshToken(TokenLookup lookup);

    /** The refresh token with this row key (a rotated token's successor), whatever its state. */
    Optional<RefreshTokenRecord> findRefreshToken(long key);

    /**
     * The grant an access or refresh token was issued under ({@link AccessTokenRecord#family()}), as stored now:
     * what the authorization said (claims, {@code auth_time}, {@code acr}, {@code nonce}) and whether it is revoked.
     */
    Optional<GrantRecord> findGrant(FamilyId family);

    /** Applies one refresh if its precondition holds; see {@link RefreshWrite}. */
    RefreshWriteOutcome applyRefresh(RefreshWrite write);

    /**
     * Revokes the grant: it is marked revoked, so that none of its refresh tokens can be used again (every later
     * {@link RefreshWrite} of the family fails its precondition) and its access tokens are deleted. Idempotent.
     */
    void revokeGrant(FamilyId family);

    /**
     * Deletes the access token with this row key, and only it: its grant and refresh tokens stay usable (RFC 7009
     * §2.1 lets an access token be revoked alone). Idempotent; false when there was no such token.
     */
    boolean deleteAccessToken(long key);
}
