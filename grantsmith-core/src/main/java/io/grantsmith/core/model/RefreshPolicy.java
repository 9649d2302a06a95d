package io.grantsmith.core.model;

/**
 * How a service renews refresh tokens (Authlete's service flags of the same names).
 *
 * @param kept          return the presented refresh token again instead of rotating it
 * @param durationKept  a rotated-in refresh token inherits the remaining lifetime of the one it replaces
 * @param durationReset with {@code kept}: reset the kept token's expiry to a full lifetime on every use
 * @param idempotent    a rotated-away refresh token presented again within the grace period receives the same
 *                      successor instead of triggering reuse detection
 */
public record RefreshPolicy(boolean kept, boolean durationKept, boolean durationReset, boolean idempotent) {
    /** Rotate on every use, full lifetime for each new token, no grace period. */
    public static final RefreshPolicy ROTATE = new RefreshPolicy(false, false, false, false);
}
