package io.grantsmith.core.introspection;

import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import java.util.Objects;

/**
 * The answer of {@code /auth/introspection}: the action, why, and what is known of the token. Authlete reports the
 * token's facts on refusals too (an expired token still has a client and scopes), so they are filled whenever the
 * token was found.
 *
 * @param error       the RFC 6750 {@code error} of the challenge that goes with the action
 * @param token       the access token, or null when it was not found
 * @param client      its client, or null when the token was not found or the client is gone
 * @param grant       its grant (family), or null when it has none or the grant is gone
 * @param existent    the token exists
 * @param usable      it exists and has not expired
 * @param sufficient  it covers the required scopes (true when none were required)
 * @param refreshable its grant can still issue tokens (an unrevoked grant whose refresh token has not expired)
 */
public record Introspection(IntrospectionAction action, ResultMessage result, String error, AccessTokenRecord token, Client client,
        GrantRecord grant, boolean existent, boolean usable, boolean sufficient, boolean refreshable) {

    public Introspection {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(error, "error");
    }
}
