package io.grantsmith.jose;

/**
 * A JWK Set that cannot become a service's keys. The message says why, naming the key by its position and
 * {@code kid}; it never quotes key material, so it may be shown to the caller.
 */
public final class InvalidJwkSetException extends Exception {
    public InvalidJwkSetException(String reason) {
        super(reason, null, false, false);
    }
}
