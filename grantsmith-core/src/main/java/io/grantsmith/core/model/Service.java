package io.grantsmith.core.model;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A service: one authorization server's configuration, as far as the engine acts on it.
 *
 * @param supportedTokenAuthMethods client authentication methods the service allows; empty allows every
 *                                  method the engine implements
 * @param accessTokenType           the {@code token_type} of issued access tokens, normally {@code Bearer}
 * @param unsupportedSettings       settings turned on that the engine does not implement yet; requests they apply
 *                                  to are refused
 * @param authorization             the settings of the authorization endpoint and OpenID Connect
 */
public record Service(
        long id,
        String name,
        Set<GrantType> supportedGrantTypes,
        Set<ClientAuthMethod> supportedTokenAuthMethods,
        ScopeCatalog scopes,
        String accessTokenType,
        Duration accessTokenDuration,
        Duration refreshTokenDuration,
        RefreshPolicy refreshPolicy,
        boolean tokenExpirationLinked,
        boolean scopeRequired,
        boolean clientIdAliasEnabled,
        boolean errorDescriptionOmitted,
        boolean errorUriOmitted,
        List<Attribute> attributes,
        Set<UnsupportedSetting> unsupportedSettings,
        AuthorizationSettings authorization) {

    /** Authlete's defaults: access tokens live one day, refresh tokens ten days. */
    public static final Duration DEFAULT_ACCESS_TOKEN_DURATION = Duration.ofDays(1);
    public static final Duration DEFAULT_REFRESH_TOKEN_DURATION = Duration.ofDays(10);

    public Service {
        Objects.requireNonNull(name, "name");
        supportedGrantTypes = immutableEnumSet(supportedGrantTypes, GrantType.class);
        supportedTokenAuthMethods = immutableEnumSet(supportedTokenAuthMethods, ClientAuthMethod.class);
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(accessTokenType, "accessTokenType");
        requirePositive(accessTokenDuration, "accessTokenDuration");
        requirePositive(refreshTokenDuration, "refreshTokenDuration");
        Objects.requireNonNull(refreshPolicy, "refreshPolicy");
        attributes = List.copyOf(attributes);
        unsupportedSettings = immutableEnumSet(unsupportedSettings, UnsupportedSetting.class);
        Objects.requireNonNull(authorization, "authorization");
    }

    public boolean supports(GrantType grantType) {
        return supportedGrantTypes.contains(grantType);
    }

    public boolean allows(ClientAuthMethod method) {
        return supportedTokenAuthMethods.isEmpty() || supportedTokenAuthMethods.contains(method);
    }

    public static Builder builder(long id) {
        return new Builder(id);
    }

    static <E extends Enum<E>> Set<E> immutableEnumSet(Set<E> values, Class<E> type) {
        Set<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Set.copyOf(copy);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builds a service in code (tests, embedding); starts from Authlete's defaults. */
    public static final class Builder {
        private final long id;
        private String name = "service";
        private Set<GrantType> grantTypes = EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD,
                GrantType.REFRESH_TOKEN);
        private Set<ClientAuthMethod> authMethods = Set.of();
        private ScopeCatalog scopes = ScopeCatalog.of();
        private String accessTokenType = "Bearer";
        private Duration accessTokenDuration = DEFAULT_ACCESS_TOKEN_DURATION;
        private Duration refreshTokenDuration = DEFAULT_REFRESH_TOKEN_DURATION;
        private RefreshPolicy refreshPolicy = RefreshPolicy.ROTATE;
        private boolean tokenExpirationLinked;
        private boolean scopeRequired;
        private boolean clientIdAliasEnabled;
        private boolean errorDescriptionOmitted;
        private boolean errorUriOmitted;
        private List<Attribute> attributes = List.of();
        private Set<UnsupportedSetting> unsupportedSettings = Set.of();
        private AuthorizationSettings authorization = AuthorizationSettings.DEFAULTS;

        private Builder(long id) {
            this.id = id;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder grantTypes(Set<GrantType> value) { grantTypes = value; return this; }
        public Builder tokenAuthMethods(Set<ClientAuthMethod> value) { authMethods = value; return this; }
        public Builder scopes(ScopeCatalog value) { scopes = value; return this; }
        public Builder accessTokenType(String value) { accessTokenType = value; return this; }
        public Builder accessTokenDuration(Duration value) { accessTokenDuration = value; return this; }
        public Builder refreshTokenDuration(Duration value) { refreshTokenDuration = value; return this; }
        public Builder refreshPolicy(RefreshPolicy value) { refreshPolicy = value; return this; }
        public Builder tokenExpirationLinked(boolean value) { tokenExpirationLinked = value; return this; }
        public Builder scopeRequired(boolean value) { scopeRequired = value; return this; }
        public Builder clientIdAliasEnabled(boolean value) { clientIdAliasEnabled = value; return this; }
        public Builder errorDescriptionOmitted(boolean value) { errorDescriptionOmitted = value; return this; }
        public Builder errorUriOmitted(boolean value) { errorUriOmitted = value; return this; }
        public Builder attributes(List<Attribute> value) { attributes = value; return this; }
        public Builder unsupportedSettings(Set<UnsupportedSetting> value) { unsupportedSettings = value; return this; }
        public Builder authorization(AuthorizationSettings value) { authorization = value; return this; }

        public Service build() {
            return new Service(id, name, grantTypes, authMethods, scopes, accessTokenType, accessTokenDuration,
                    refreshTokenDuration, refreshPolicy, tokenExpirationLinked, scopeRequired, clientIdAliasEnabled,
                    errorDescriptionOmitted, errorUriOmitted, attributes, unsupportedSettings,
                    authorization);
        }
    }
}
