package io.grantsmith.core.spi;

/** What happened to a {@link RefreshWrite}. */
public enum RefreshWriteOutcome {
    APPLIED,
    /** The refresh token changed since it was read (a concurrent refresh won); nothing was written. */
    PRECONDITION_FAILED,
    /**
     * A new row's key is taken, or the hash of a caller-chosen access token is; nothing was written.
     */
    DUPLICATE
}
