package io.grantsmith.core.model;

import io.grantsmith.api.types.ApplicationType;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.api.types.SubjectType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a client registered for the authorization endpoint and OpenID Connect: Authlete's client settings of the
 * same names (RFC 7591 / OpenID Connect Dynamic Client Registration metadata).
 *
 * @param clientName            the name shown to users, or null
 * @param redirectUris          the registered redirection URIs, compared by exact string (RFC 9700 §4.1.1)
 * @param responseTypes         the {@code response_type} values the client may use
 * @param responseModes         the {@code response_mode} values the client may use; empty allows every one
 * @param applicationType       {@code web} or {@code native}; null when the client did not say (then treated as
 *                              {@code web}, OpenID Connect Registration's default)
 * @param pkceRequired          every authorization-code request of this client must carry a PKCE challenge
 * @param pkceS256Required      a PKCE challenge of this client must name {@code S256} explicitly
 * @param defaultMaxAge         the {@code max_age} applied when a request has none, in seconds; 0 for none
 * @param defaultAcrs           the {@code acr_values} applied when a request asks for none
 * @param authTimeRequired      ID tokens must carry {@code auth_time} ({@code require_auth_time})
 * @param subjectType           public or pairwise subject identifiers
 * @param sectorIdentifierUri   the URI whose host is the sector of pairwise identifiers, or null
 * @param idTokenSignAlg        the JWS algorithm of ID tokens ({@code id_token_signed_response_alg})
 * @param parRequired           this client's authorization requests must be pushed first (RFC 9126)
 * @param requestObjectRequired this client's authorization requests must carry a request object (RFC 9101)
 * @param userInfoSignAlg       the JWS algorithm of signed userinfo responses
 *                              ({@code userinfo_signed_response_alg}); null for plain JSON responses
 * @param postLogoutRedirectUris where the built-in server's logout may send the browser back to
 *                              ({@code post_logout_redirect_uris}, OpenID Connect RP-Initiated Logout §3.1),
 *                              compared by exact string
 */
public record ClientMetadata(
        String clientName,
        List<String> redirectUris,
        Set<ResponseType> responseTypes,
        Set<ResponseMode> responseModes,
        ApplicationType applicationType,
        boolean pkceRequired,
        boolean pkceS256Required,
        int defaultMaxAge,
        List<String> defaultAcrs,
        boolean authTimeRequired,
        SubjectType subjectType,
        String sectorIdentifierUri,
        String idTokenSignAlg,
        boolean parRequired,
        boolean requestObjectRequired,
        String userInfoSignAlg,
        List<String> postLogoutRedirectUris) {

    /** The response types a client may use when it does not say: the authorization-code flow only. */
    public static final Set<ResponseType> DEFAULT_RESPONSE_TYPES = Set.of(ResponseType.CODE);
    /** The ID token algorithm when a client does not say (OpenID Connect Registration §2). */
    public static final String DEFAULT_ID_TOKEN_SIGN_ALG = "RS256";
    /** The metadata of a client that registered nothing about authorization. */
    public static final ClientMetadata DEFAULTS = builder().build();

    public ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        responseTypes = Service.immutableEnumSet(responseTypes, ResponseType.class);
        responseModes = Service.immutableEnumSet(responseModes, ResponseMode.class);
        if (defaultMaxAge < 0) {
            throw new IllegalArgumentException("defaultMaxAge must not be negative");
        }
        defaultAcrs = List.copyOf(defaultAcrs);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(idTokenSignAlg, "idTokenSignAlg");
    }

    /** Whether the client registered as a native application (RFC 8252). */
    public boolean isNative() {
        return applicationType == ApplicationType.NATIVE;
    }

    /** Whether the client may use {@code mode}. */
    public boolean allows(ResponseMode mode) {
        return responseModes.isEmpty() || responseModes.contains(mode);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds metadata in code (tests, embedding); starts from the defaults of a client that says nothing. */
    public static final class Builder {
        private String clientName;
        private List<String> redirectUris = List.of();
        private Set<ResponseType> responseTypes = DEFAULT_RESPONSE_TYPES;
        private Set<ResponseMode> responseModes = Set.of();
        private ApplicationType applicationType;
        private boolean pkceRequired;
        private boolean pkceS256Required;
        private int defaultMaxAge;
        private List<String> defaultAcrs = List.of();
        private boolean authTimeRequired;
        private SubjectType subjectType = SubjectType.PUBLIC;
        private String sectorIdentifierUri;
        private String idTokenSignAlg = DEFAULT_ID_TOKEN_SIGN_ALG;
        private boolean parRequired;
        private boolean requestObjectRequired;
        private String userInfoSignAlg;
        private List<String> postLogoutRedirectUris = List.of();

        private Builder() {
        }

        public Builder clientName(String value) { clientName = value; return this; }
        public Builder redirectUris(List<String> value) { redirectUris = value; return this; }
        public Builder responseTypes(Set<ResponseType> value) { responseTypes = value; return this; }
        public Builder responseModes(Set<ResponseMode> value) { responseModes = value; return this; }
        public Builder applicationType(ApplicationType value) { applicationType = value; return this; }
        public Builder pkceRequired(boolean value) { pkceRequired = value; return this; }
        public Builder pkceS256Required(boolean value) { pkceS256Required = value; return this; }
        public Builder defaultMaxAge(int value) { defaultMaxAge = value; return this; }
        public Builder defaultAcrs(List<String> value) { defaultAcrs = value; return this; }
        public Builder authTimeRequired(boolean value) { authTimeRequired = value; return this; }
        public Builder subjectType(SubjectType value) { subjectType = value; return this; }
        public Builder sectorIdentifierUri(String value) { sectorIdentifierUri = value; return this; }
        public Builder idTokenSignAlg(String value) { idTokenSignAlg = value; return this; }
        public Builder parRequired(boolean value) { parRequired = value; return this; }
        public Builder requestObjectRequired(boolean value) { requestObjectRequired = value; return this; }
        public Builder userInfoSignAlg(String value) { userInfoSignAlg = value; return this; }
        public Builder postLogoutRedirectUris(List<String> value) { postLogoutRedirectUris = value; return this; }

        public ClientMetadata build() {
            return new ClientMetadata(clientName, redirectUris, responseTypes, responseModes, applicationType,
                    pkceRequired, pkceS256Required, defaultMaxAge, defaultAcrs, authTimeRequired, subjectType,
                    sectorIdentifierUri, idTokenSignAlg, parRequired, requestObjectRequired, userInfoSignAlg,
                    postLogoutRedirectUris);
        }
    }
}
