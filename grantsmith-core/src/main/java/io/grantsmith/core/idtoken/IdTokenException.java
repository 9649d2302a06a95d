package io.grantsmith.core.idtoken;

import io.grantsmith.core.error.ResultCategory;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;

/**
 * No ID token can be minted for a reason of configuration, not of the request: the client registered an algorithm
 * this server does not sign with, the service has no key for it or no issuer, or a pairwise client's sector is
 * unknown. Callers report {@link #result()} as their refusal; {@link #serverSide()} tells whether it is the
 * service's to fix (an internal server error to the client) rather than the client's registration.
 */
public final class IdTokenException extends RuntimeException {
    private final transient ResultMessage result;

    public IdTokenException(ResultCode code, Object... args) {
        this(code.message(args));
    }

    private IdTokenException(ResultMessage result) {
        super(result.formatted(), null, false, false); // an expected outcome: no stack trace
        this.result = result;
    }

    public ResultMessage result() {
        return result;
    }

    /** Whether the service (its keys, its issuer) rather than the client's registration is at fault. */
    public boolean serverSide() {
        return result.code().category() != ResultCategory.CLIENT_ERROR;
    }
}
