package io.grantsmith.core.grant;

import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;

/** The value of a new access token: the caller's choice when it made one, else a fresh key and 256 random bits. */
final class AccessTokenValue {
    /** Generated keys collide only between nodes that drew the same node bits; a few fresh draws settle it. */
    static final int MAX_ATTEMPTS = 3;

    private AccessTokenValue() {
    }

    static TokenValue choose(String callerChosen, TokenValues values, ResultCode invalid) {
        if (callerChosen == null || callerChosen.isEmpty()) {
            return values.newToken();
        }
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
