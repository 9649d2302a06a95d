package io.grantsmith.core.model;

import io.grantsmith.api.types.ClientAuthMethod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A password-grant ticket: what {@code /auth/token} validated, kept until the authorization server has
 * checked the user's credentials and calls {@code /auth/token/issue} or {@code /auth/token/fail}.
 *
 * @param key        the increasing row key the value carries (see {@link io.grantsmith.core.token.TokenFormat}), by
 *                   which stores find the ticket; 0 for a ticket minted before tickets carried one (found by hash)
 * @param consumedAt when issue or fail used the ticket, or null while it is unused
 */
public record Ticket(
        long key,
        TokenHash hash,
        long serviceId,
        long clientId,
        boolean clientIdAliasUsed,
        ClientAuthMethod clientAuthMethod,
        Scopes scopes,
        List<String> resources,
        Instant issuedAt,
        Instant expiresAt,
        Instant consumedAt) {

    public Ticket {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(scopes, "scopes");
        resources = List.copyOf(resources);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public Ticket consumed(Instant when) {
        return new Ticket(key, hash, serviceId, clientId, clientIdAliasUsed, clientAuthMethod, scopes, resources,
                issuedAt, expiresAt, when);
    }
}
