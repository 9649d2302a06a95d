package io.grantsmith.core.jose;

/**
 * Where a signing key is in its life. Keys move one way only: {@code NEXT → CURRENT → RETIRED}, then they are
 * deleted. Every state is published in the service's JWK Set, so that relying parties can verify with a key
 * before it signs (NEXT) and after it stopped signing (RETIRED, until every token it signed has expired).
 */
public enum KeyState {
    /** Published, not signing yet: the key a rotation will make current. */
    NEXT,
    /** Published and signing: at most one per service and algorithm. */
    CURRENT,
    /** Published until its {@code publishUntil}, never signing again. */
    RETIRED
}
