package io.grantsmith.core.model;

/** Where a stored refresh token is in its life. */
public enum RefreshTokenState {
    /** Usable. */
    ACTIVE,
    /** Replaced by a successor; presenting it again is a retry within the grace period or reuse. */
    ROTATED,
    /** Revoked with its whole family after reuse was detected. */
    REVOKED
}
