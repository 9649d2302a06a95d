package io.grantsmith.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An authorization ticket: a validated authorization request waiting, while the user logs in and consents, for
 * {@code /auth/authorization/issue} or {@code /auth/authorization/fail}. Used at most once, by either. Only the
 * hash of the ticket value is kept.
 *
 * @param key the increasing row key the value carries (see {@link io.grantsmith.core.token.TokenFormat}), by which
 *            stores find the ticket; 0 for a ticket minted before tickets carried one (found by hash)
 */
public record AuthorizationTicket(long key, TokenHash hash, long serviceId, RequestedAuthorization request,
        Instant issuedAt, Instant expiresAt) {

    public AuthorizationTicket {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public long clientId() {
        return request.clientId();
    }
}
