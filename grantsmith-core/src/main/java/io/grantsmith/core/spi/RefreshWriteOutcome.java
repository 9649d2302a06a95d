package io.grantsmith.core.spi;

/** What happened to a {@link RefreshWrite}. */
public enum RefreshWriteOutcome {
    APPLIED,
    /** The refresh token changed since it was read (a concurrent refresh won); nothing was written. */
    PRECONDITION_FAILED,
    /** The new access token's hash exists already (caller-chosen value); nothing was written. */
    ACCESS_TOKEN_DUPLICATE
}
