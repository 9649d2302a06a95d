package io.grantsmith.core.model;

import io.grantsmith.api.types.GrantType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored access token. It stands alone (a client_credentials token has no grant) and keeps its own scopes,
 * resources and properties, which a refresh may narrow or merge; {@link #family()} names the grant it was issued
 * under, if any. Build one with {@link #builder}.
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

    public static Builder builder(long key, TokenHash hash) {
        return new Builder(key, hash);
    }

    public Builder toBuilder() {
        return new Builder(key, hash).callerChosen(callerChosen).serviceId(serviceId).clientId(clientId)
                .subject(subject).scopes(scopes).resources(resources).grantType(grantType).issuedAt(issuedAt)
                .expiresAt(expiresAt).family(family).properties(properties).clientIdAliasUsed(clientIdAliasUsed);
    }

    public static final class Builder {
        private final long key;
        private final TokenHash hash;
        private boolean callerChosen;
        private long serviceId;
        private long clientId;
        private String subject;
        private Scopes scopes = Scopes.empty();
        private List<String> resources = List.of();
        private GrantType grantType;
        private Instant issuedAt;
        private Instant expiresAt;
        private FamilyId family;
        private List<TokenProperty> properties = List.of();
        private boolean clientIdAliasUsed;

        private Builder(long key, TokenHash hash) {
            this.key = key;
            this.hash = hash;
        }

        public Builder callerChosen(boolean value) { callerChosen = value; return this; }
        public Builder serviceId(long value) { serviceId = value; return this; }
        public Builder clientId(long value) { clientId = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder scopes(Scopes value) { scopes = value; return this; }
        public Builder resources(List<String> value) { resources = value; return this; }
        public Builder grantType(GrantType value) { grantType = value; return this; }
        public Builder issuedAt(Instant value) { issuedAt = value; return this; }
        public Builder expiresAt(Instant value) { expiresAt = value; return this; }
        public Builder family(FamilyId value) { family = value; return this; }
        public Builder properties(List<TokenProperty> value) { properties = value; return this; }
        public Builder clientIdAliasUsed(boolean value) { clientIdAliasUsed = value; return this; }

        public AccessTokenRecord build() {
            return new AccessTokenRecord(key, hash, callerChosen, serviceId, clientId, subject, scopes, resources,
                    grantType, issuedAt, expiresAt, family, properties, clientIdAliasUsed);
        }
    }
}
