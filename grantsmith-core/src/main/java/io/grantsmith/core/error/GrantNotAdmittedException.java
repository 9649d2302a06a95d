package io.grantsmith.core.error;

/**
 * A {@link io.grantsmith.core.spi.GrantAdmission} refused a token request: the request was not processed and nothing
 * was stored. Like {@link IssuanceLimitedException}, no OAuth outcome of the engine's: it carries the caller's own
 * {@code reason} back to the caller.
 */
public final class GrantNotAdmittedException extends RuntimeException {
    private final transient Object reason;

    public GrantNotAdmittedException(Object reason) {
        super("the token request was not admitted", null, false, false);
        this.reason = reason;
    }

    /** What the admission said, for its caller to answer with. */
    public Object reason() {
        return reason;
    }
}
