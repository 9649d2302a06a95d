package io.grantsmith.core.spi;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.TokenHash;
import java.util.Optional;

/**
 * Access and refresh tokens, kept by hash. Every write is a single atomic operation: implementations must
 * not let two calls interleave inside one write, and must have made the write durable before returning.
 */
public interface TokenStore {
    /** Stores an access token issued without a refresh token. */
    SaveOutcome saveAccessToken(AccessTokenRecord accessToken);

    /** Stores an access token and the refresh token that starts its family, both or neither. */
    SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken);

    Optional<AccessTokenRecord> findAccessToken(TokenHash hash);

    Optional<RefreshTokenRecord> findRefreshToken(TokenHash hash);

    /** Applies one refresh if its precondition holds; see {@link RefreshWrite}. */
    RefreshWriteOutcome applyRefresh(RefreshWrite write);

    /** Revokes every refresh token of the family and deletes its access tokens. Idempotent. */
    void revokeFamily(FamilyId family);
}
