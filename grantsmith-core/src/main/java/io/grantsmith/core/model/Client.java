package io.grantsmith.core.model;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.api.types.GrantType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client application, as far as the engine acts on it.
 *
 * @param alias                     the client ID alias, or null
 * @param secret                    the client secret, or null (public clients)
 * @param requestableScopesEnabled  whether {@code requestableScopes} restricts the scopes this client may ask for
 * @param accessTokenDuration       a per-client cap on access-token lifetime; zero when not set
 * @param refreshTokenDuration      a per-client cap on refresh-token lifetime; zero when not set
 * @param unsupportedSettings       settings turned on that the engine does not implement yet; requests they apply
 *                                  to are refused
 * @param metadata                  what the client registered for the authorization endpoint and OpenID Connect
 */
public record Client(
        long serviceId,
        long id,
        String alias,
        boolean aliasEnabled,
        ClientType type,
        ClientAuthMethod tokenAuthMethod,
        ClientSecret secret,
        Set<GrantType> grantTypes,
        boolean requestableScopesEnabled,
        Set<String> requestableScopes,
        Duration accessTokenDuration,
        Duration refreshTokenDuration,
        boolean locked,
        List<Attribute> attributes,
        Set<UnsupportedSetting> unsupportedSettings,
        ClientMetadata metadata) {

    /**
     * The longest client ID alias. Numeric client IDs are shorter still, so a presented client ID longer than
     * this names no client and is refused before any lookup.
     */
    public static final int MAX_ALIAS_LENGTH = 200;
    /** Decimal digits of the largest {@code long}. */
    private static final int MAX_ID_DIGITS = 19;

    /**
     * The numeric client ID spelled by {@code id}, if it is one: digits only (no sign) and fits a long. Anything
     * else can only be an alias.
     */
    public static Optional<Long> numericId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_DIGITS) {
            return Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty(); // 19 digits above Long.MAX_VALUE
        }
    }

    public Client {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tokenAuthMethod, "tokenAuthMethod");
        grantTypes = Service.immutableEnumSet(grantTypes, GrantType.class);
        requestableScopes = Set.copyOf(requestableScopes);
        Objects.requireNonNull(accessTokenDuration, "accessTokenDuration");
        Objects.requireNonNull(refreshTokenDuration, "refreshTokenDuration");
        attributes = List.copyOf(attributes);
        unsupportedSettings = Service.immutableEnumSet(unsupportedSettings, UnsupportedSetting.class);
        Objects.requireNonNull(metadata, "metadata");
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    public boolean mayUse(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    /** Whether the client may ask for {@code scope}, apart from what the service supports. */
    public boolean mayRequest(String scope) {
        return !requestableScopesEnabled || requestableScopes.contains(scope);
    }

    public static Builder builder(long serviceId, long id) {
        return new Builder(serviceId, id);
    }

    /** Builds a client in code (tests, embedding): a confidential client using client_secret_basic. */
    public static final class Builder {
        private final long serviceId;
        private final long id;
        private String alias;
        private boolean aliasEnabled;
        private ClientType type = ClientType.CONFIDENTIAL;
        private ClientAuthMethod tokenAuthMethod = ClientAuthMethod.CLIENT_SECRET_BASIC;
        private ClientSecret secret;
        private Set<GrantType> grantTypes = EnumSet.noneOf(GrantType.class);
        private boolean requestableScopesEnabled;
        private Set<String> requestableScopes = Set.of();
        private Duration accessTokenDuration = Duration.ZERO;
        private Duration refreshTokenDuration = Duration.ZERO;
        private boolean locked;
        private List<Attribute> attributes = List.of();
        private Set<UnsupportedSetting> unsupportedSettings = Set.of();
        private ClientMetadata metadata = ClientMetadata.DEFAULTS;

        private Builder(long serviceId, long id) {
            this.serviceId = serviceId;
            this.id = id;
        }

        public Builder alias(String value, boolean enabled) { alias = value; aliasEnabled = enabled; return this; }
        public Builder type(ClientType value) { type = value; return this; }
        public Builder tokenAuthMethod(ClientAuthMethod value) { tokenAuthMethod = value; return this; }
        public Builder secret(String value) { secret = value == null ? null : ClientSecret.of(value); return this; }
        public Builder grantTypes(Set<GrantType> value) { grantTypes = value; return this; }
        public Builder requestableScopes(Set<String> value) { requestableScopesEnabled = true; requestableScopes = value; return this; }
        public Builder accessTokenDuration(Duration value) { accessTokenDuration = value; return this; }
        public Builder refreshTokenDuration(Duration value) { refreshTokenDuration = value; return this; }
        public Builder locked(boolean value) { locked = value; return this; }
        public Builder attributes(List<Attribute> value) { attributes = value; return this; }
        public Builder unsupportedSettings(Set<UnsupportedSetting> value) { unsupportedSettings = value; return this; }
        public Builder metadata(ClientMetadata value) { metadata = value; return this; }

        public Client build() {
            return new Client(serviceId, id, alias, aliasEnabled, type, tokenAuthMethod, secret, grantTypes,
                    requestableScopesEnabled, requestableScopes, accessTokenDuration, refreshTokenDuration, locked,
                    attributes, unsupportedSettings,
                    metadata);
        }
    }
}
