package io.grantsmith.core.grant;

import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.token.TokenValues;

/** The value of a new access token: the caller's choice when it made one, else 256 fresh random bits. */
final class AccessTokenValue {
    private AccessTokenValue() {
    }

    static String choose(String callerChosen, TokenValues values, ResultCode invalid) {
        if (callerChosen == null || callerChosen.isEmpty()) {
            return values.newValue();
        }
        if (!TokenValues.isValidCallerChosen(callerChosen)) {
            throw OAuthException.serverError(invalid);
        }
        return callerChosen;
    }
}
