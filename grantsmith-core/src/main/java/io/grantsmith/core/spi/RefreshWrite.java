package io.grantsmith.core.spi;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.TokenProperty;
import java.time.Instant;
import java.util.List;

/**
 * One atomic refresh: a conditional change to refresh-token rows together with the new access token. Every
 * variant's precondition also requires the token's grant not to be revoked, and keeps the grant at least until
 * the new tokens expire.
 * A rotation or an extension removes the access tokens of the family (a refresh invalidates the access tokens
 * issued before it); a replay keeps them. Then {@link #accessToken()} is inserted. The store applies a variant
 * only if its precondition still holds when it runs, so two concurrent refreshes of one token can never both
 * succeed.
 */
public sealed interface RefreshWrite {
    /** The access token issued by this refresh. */
    AccessTokenRecord accessToken();

    /** Whether the family's other access tokens are removed; false only for a {@link Replay}. */
    default boolean supersedesAccessTokens() {
        return true;
    }

    /** The time against which expiry preconditions are checked. */
    Instant now();

    /** The row key of the refresh token that must be ACTIVE and unexpired at {@link #now()} for the write to apply. */
    long guardedKey();

    /** The new expiry of the refresh token the write leaves active, or null when the write changes none. */
    default Instant refreshTokenExpiresAt() {
        return null;
    }

    /** When the last token this write leaves expires: the grant is kept at least until then. */
    default Instant grantKeptUntil() {
        Instant access = accessToken().expiresAt();
        Instant refresh = refreshTokenExpiresAt();
        return refresh != null && refresh.isAfter(access) ? refresh : access;
    }

    /**
     * Rotation: the presented token must be ACTIVE and unexpired; it becomes ROTATED at {@code now}, pointing at
     * {@code successor} (same family, ACTIVE), which is inserted.
     */
    record Rotate(long presentedKey, RefreshTokenRecord successor, AccessTokenRecord accessToken, Instant now)
            implements RefreshWrite {
        @Override
        public long guardedKey() {
            return presentedKey;
        }

        @Override
        public Instant refreshTokenExpiresAt() {
            return successor.expiresAt();
        }
    }

    /**
     * The refresh token is kept: {@code presented} must be ACTIVE and unexpired; its expiry becomes
     * {@code newExpiresAt} (unchanged unless the service resets durations) and its properties
     * {@code properties} (the merge of the old ones with the request's).
     */
    record Extend(long presentedKey, Instant newExpiresAt, List<TokenProperty> properties,
            AccessTokenRecord accessToken, Instant now) implements RefreshWrite {
        public Extend {
            properties = List.copyOf(properties);
        }

        @Override
        public long guardedKey() {
            return presentedKey;
        }

        @Override
        public Instant refreshTokenExpiresAt() {
            return newExpiresAt;
        }
    }

    /**
     * An idempotent retry within the grace period: the earlier rotation's {@code successor} must still be
     * ACTIVE and unexpired; a further access token of the same generation is added. Every client that retried
     * the rotation keeps a working access token (the store keeps no token values, so it cannot hand the first
     * one out again); the next rotation or extension of {@code successor}, a family revocation, or each
     * token's own expiry ends them all.
     */
    record Replay(long successorKey, AccessTokenRecord accessToken, Instant now) implements RefreshWrite {
        @Override
        public long guardedKey() {
            return successorKey;
        }

        @Override
        public boolean supersedesAccessTokens() {
            return false;
        }
    }
}
