package io.grantsmith.core.grant;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.result.IssuedToken;
import io.grantsmith.core.token.TokenValue;
import java.time.Instant;

/** An access token minted but not yet saved: its value (kept out of the record) and the record to save. */
public record PendingAccessToken(TokenValue value, AccessTokenRecord record) {
    /** Whether the caller chose the value: a store's duplicate is then the caller's mistake, not a collision. */
    public boolean callerChosen() {
        return value.callerChosen();
    }

    /** The token as a result reports it, once saved. */
    public IssuedToken issued(Instant now) {
        return new MintedToken(value, record.expiresAt()).issued(now);
    }

    @Override
    public String toString() {
        return "PendingAccessToken[" + value + "]";
    }
}
