package io.grantsmith.core.model;

import io.grantsmith.api.types.GrantType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored access token.
 *
 * @param key          the row key carried by the token's value (for caller-chosen values: a key of its own)
 * @param hash         the SHA-256 of the token's value
 * @param callerChosen whether the caller chose the value; stores find such tokens by hash
 * @param subject      the resource owner, or null (client_credentials)
 * @param family       the refresh-token family the token was issued with, or null
 */
public record AccessTokenRecord(
        long key,
        TokenHash hash,
        boolean callerChosen,
        long serviceId,
        long clientId,
        String subject,
        Scopes scopes,
        List<String> resources,
        GrantType grantType,
        Instant issuedAt,
        Instant expiresAt,
        FamilyId family,
        List<TokenProperty> properties,
        boolean clientIdAliasUsed) {

    public AccessTokenRecord {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(scopes, "scopes");
        resources = List.copyOf(resources);
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        properties = List.copyOf(properties);
    }
}
