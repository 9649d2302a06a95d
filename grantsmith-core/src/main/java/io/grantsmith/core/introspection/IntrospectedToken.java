package io.grantsmith.core.introspection;

import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An active token as RFC 7662 describes it: what its introspection response says.
 *
 * @param aliasUsed whether the token was issued to the client's alias (its {@code client_id} is then the alias)
 * @param grant     the grant the token belongs to ({@code auth_time}, {@code acr}), or null
 */
public record IntrospectedToken(TokenKind kind, Client client, boolean aliasUsed, String subject, Scopes scopes,
        List<String> resources, Instant issuedAt, Instant expiresAt, List<TokenProperty> properties,
        GrantRecord grant) {

    public IntrospectedToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scopes, "scopes");
        resources = List.copyOf(resources);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        properties = List.copyOf(properties);
    }
}
