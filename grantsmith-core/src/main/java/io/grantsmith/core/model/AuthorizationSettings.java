package io.grantsmith.core.model;

import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a service says about the authorization endpoint and OpenID Connect: Authlete's service settings of the
 * same names. Lists that Authlete filters a request against ({@code supportedAcrs}, {@code supportedUiLocales},
 * ...) are empty when the service lists nothing.
 *
 * @param issuer                         the issuer identifier ({@code iss} of ID tokens and of authorization
 *                                       responses, RFC 9207); null when the service has none
 * @param supportedResponseTypes         the {@code response_type} values the service accepts
 * @param pkceRequired                   every authorization-code request must carry a PKCE challenge
 * @param pkceS256Required               a PKCE challenge must name {@code S256} explicitly; {@code plain} is refused
 * @param loopbackRedirectionUriVariable the port of a loopback redirect URI ({@code localhost}, {@code 127.0.0.1},
 *                                       {@code [::1]}) is ignored when it is compared with the registered ones
 * @param supportedPromptValues          the {@code prompt} values the service accepts
 * @param supportedAcrs                  authentication context class references the service can satisfy
 * @param supportedClaims                claim names the service can provide; empty when it lists none
 * @param supportedDisplays              the {@code display} values the service accepts
 * @param supportedUiLocales             the {@code ui_locales} the service's pages offer
 * @param supportedClaimLocales          the {@code claims_locales} the service can provide claims in
 * @param issSuppressed                  leave the {@code iss} response parameter out (for testing old clients)
 * @param claimShortcutRestrictive       claims implied by the scopes {@code profile}, {@code email},
 *                                       {@code address} and {@code phone} go into the ID token only when no access
 *                                       token is issued (OpenID Connect Core §5.4); otherwise into both
 * @param authorizationCodeDuration      how long an authorization code lives
 * @param idTokenDuration                how long an ID token lives
 * @param idTokenAudType                 the shape of the ID token's {@code aud} claim
 * @param parRequired                    authorization requests must be pushed first (RFC 9126)
 * @param requestObjectRequired          authorization requests must carry a request object (RFC 9101)
 * @param idTokenReissuable              a refresh of a grant with {@code openid} and a user answers
 *                                       {@code ID_TOKEN_REISSUABLE}, so that the authorization server can have an
 *                                       ID token reissued ({@code /idtoken/reissue}, OpenID Connect Core §12.2)
 */
public record AuthorizationSettings(
        String issuer,
        Set<ResponseType> supportedResponseTypes,
        boolean pkceRequired,
        boolean pkceS256Required,
        boolean loopbackRedirectionUriVariable,
        Set<Prompt> supportedPromptValues,
        List<String> supportedAcrs,
        List<String> supportedClaims,
        Set<Display> supportedDisplays,
        List<String> supportedUiLocales,
        List<String> supportedClaimLocales,
        boolean issSuppressed,
        boolean claimShortcutRestrictive,
        Duration authorizationCodeDuration,
        Duration idTokenDuration,
        IdTokenAudType idTokenAudType,
        boolean parRequired,
        boolean requestObjectRequired,
        boolean idTokenReissuable) {

    /** The response types a service supports when it does not say: the authorization-code flow only. */
    public static final Set<ResponseType> DEFAULT_RESPONSE_TYPES = Set.of(ResponseType.CODE);
    /** The prompt values a service supports when it does not say: OpenID Connect Core's four. */
    public static final Set<Prompt> DEFAULT_PROMPT_VALUES = Set.of(Prompt.NONE, Prompt.LOGIN, Prompt.CONSENT,
            Prompt.SELECT_ACCOUNT);
    /** The display values a service supports when it does not say: all of them. */
    public static final Set<Display> DEFAULT_DISPLAYS = Set.of(Display.values());
    /** Authorization codes live ten minutes unless the service says otherwise (RFC 6749 §4.1.2: "short"). */
    public static final Duration DEFAULT_AUTHORIZATION_CODE_DURATION = Duration.ofMinutes(10);
    /** ID tokens live one day unless the service says otherwise, as with Authlete. */
    public static final Duration DEFAULT_ID_TOKEN_DURATION = Duration.ofDays(1);
    /** The settings of a service that configures nothing about authorization. */
    public static final AuthorizationSettings DEFAULTS = builder().build();

    public AuthorizationSettings {
        supportedResponseTypes = Service.immutableEnumSet(supportedResponseTypes, ResponseType.class);
        supportedPromptValues = Service.immutableEnumSet(supportedPromptValues, Prompt.class);
        supportedAcrs = List.copyOf(supportedAcrs);
        supportedClaims = List.copyOf(supportedClaims);
        supportedDisplays = Service.immutableEnumSet(supportedDisplays, Display.class);
        supportedUiLocales = List.copyOf(supportedUiLocales);
        supportedClaimLocales = List.copyOf(supportedClaimLocales);
        requirePositive(authorizationCodeDuration, "authorizationCodeDuration");
        requirePositive(idTokenDuration, "idTokenDuration");
        Objects.requireNonNull(idTokenAudType, "idTokenAudType");
    }

    /** The {@code iss} response parameter of authorization responses (RFC 9207), or null when there is none. */
    public String responseIssuer() {
        return issSuppressed ? null : issuer;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builds settings in code (tests, embedding); starts from the defaults of a service that says nothing. */
    public static final class Builder {
        private String issuer;
        private Set<ResponseType> responseTypes = DEFAULT_RESPONSE_TYPES;
        private boolean pkceRequired;
        private boolean pkceS256Required;
        private boolean loopbackRedirectionUriVariable;
        private Set<Prompt> promptValues = DEFAULT_PROMPT_VALUES;
        private List<String> acrs = List.of();
        private List<String> claims = List.of();
        private Set<Display> displays = DEFAULT_DISPLAYS;
        private List<String> uiLocales = List.of();
        private List<String> claimLocales = List.of();
        private boolean issSuppressed;
        private boolean claimShortcutRestrictive;
        private Duration authorizationCodeDuration = DEFAULT_AUTHORIZATION_CODE_DURATION;
        private Duration idTokenDuration = DEFAULT_ID_TOKEN_DURATION;
        private IdTokenAudType idTokenAudType = IdTokenAudType.ARRAY;
        private boolean parRequired;
        private boolean requestObjectRequired;
        private boolean idTokenReissuable;

        private Builder() {
        }

        public Builder issuer(String value) { issuer = value; return this; }
        public Builder responseTypes(Set<ResponseType> value) { responseTypes = value; return this; }
        public Builder pkceRequired(boolean value) { pkceRequired = value; return this; }
        public Builder pkceS256Required(boolean value) { pkceS256Required = value; return this; }
        public Builder loopbackRedirectionUriVariable(boolean value) { loopbackRedirectionUriVariable = value; return this; }
        public Builder promptValues(Set<Prompt> value) { promptValues = value; return this; }
        public Builder acrs(List<String> value) { acrs = value; return this; }
        public Builder claims(List<String> value) { claims = value; return this; }
        public Builder displays(Set<Display> value) { displays = value; return this; }
        public Builder uiLocales(List<String> value) { uiLocales = value; return this; }
        public Builder claimLocales(List<String> value) { claimLocales = value; return this; }
        public Builder issSuppressed(boolean value) { issSuppressed = value; return this; }
        public Builder claimShortcutRestrictive(boolean value) { claimShortcutRestrictive = value; return this; }
        public Builder authorizationCodeDuration(Duration value) { authorizationCodeDuration = value; return this; }
        public Builder idTokenDuration(Duration value) { idTokenDuration = value; return this; }
        public Builder idTokenAudType(IdTokenAudType value) { idTokenAudType = value; return this; }
        public Builder parRequired(boolean value) { parRequired = value; return this; }
        public Builder requestObjectRequired(boolean value) { requestObjectRequired = value; return this; }
        public Builder idTokenReissuable(boolean value) { idTokenReissuable = value; return this; }

        public AuthorizationSettings build() {
            return new AuthorizationSettings(issuer, responseTypes, pkceRequired, pkceS256Required,
                    loopbackRedirectionUriVariable, promptValues, acrs, claims, displays, uiLocales, claimLocales,
                    issSuppressed, claimShortcutRestrictive, authorizationCodeDuration, idTokenDuration,
                    idTokenAudType, parRequired, requestObjectRequired, idTokenReissuable);
        }
    }
}
