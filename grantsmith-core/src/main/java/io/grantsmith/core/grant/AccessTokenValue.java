package io.grantsmith.core.grant;

import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;

/** The caller's choice of an access token value, and what a duplicate of a new access token means. */
final class AccessTokenValue {
    /** Generated keys collide only between nodes that drew the same node bits; a few fresh draws settle it. */
    static final int MAX_ATTEMPTS = 3;

    private AccessTokenValue() {
    }

    /** The caller's value under a fresh row key, refused with {@code invalid} when it is no bearer token. */
    static TokenValue callerChosen(String callerChosen, TokenValues values, ResultCode invalid) {
        if (!TokenValues.isValidCallerChosen(callerChosen)) {
            throw OAuthException.serverError(invalid);
        }
        return values.callerChosen(callerChosen);
    }

    /**
     * What to do when a store reports a new token as a duplicate on attempt {@code attempt} (1-based): a
     * caller-chosen value is in use, which is the caller's mistake; a generated one collided on its key, so the
     * caller should mint afresh. Throws when giving up.
     */
    static void checkRetry(TokenValue accessToken, int attempt, ResultCode inUse) {
        if (accessToken.callerChosen()) {
            throw OAuthException.serverError(inUse);
        }
        if (attempt >= MAX_ATTEMPTS) {
            throw new StoreException("no free token key after " + MAX_ATTEMPTS + " attempts");
        }
    }
}
