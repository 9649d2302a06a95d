package io.grantsmith.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An authorization code issued by {@code /auth/authorization/issue}, as stored: the hash of its value (the value
 * itself is never stored), the request it answers (with the scopes granted) and the user's approval, until the
 * token request redeems it, once.
 *
 * @param key the increasing row key the value carries (see {@link io.grantsmith.core.token.TokenFormat}), by which
 *            stores find the code; 0 for a code minted before codes carried one (a random value, found by hash)
 */
public record AuthorizationCode(long key, TokenHash hash, long serviceId, RequestedAuthorization request,
        UserApproval approval, Instant issuedAt, Instant expiresAt) {

    public AuthorizationCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public long clientId() {
        return request.clientId();
    }
}
