package io.grantsmith.core.model;

import io.grantsmith.api.types.GrantType;
import java.util.function.Predicate;

/**
 * A service or client setting that changes what Authlete's token endpoint does for the grants Grantsmith serves,
 * but that Grantsmith does not implement yet. Documents keep such settings (Authlete accepts them); a token request
 * they apply to is refused, naming the setting, rather than answered with tokens that Authlete would have bound,
 * signed, or revoked others for. docs/COMPATIBILITY.md lists them with what happens.
 */
public enum UnsupportedSetting {
    /** Tokens bound to a DPoP key (RFC 9449): Authlete refuses a request without a proof and issues DPoP tokens. */
    DPOP_REQUIRED("dpopRequired", GrantSet.ALL),
    /** Tokens bound to the client's certificate (RFC 8705): Authlete requires one and binds the tokens. */
    TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS("tlsClientCertificateBoundAccessTokens", GrantSet.ALL),
    /** JWT access tokens (RFC 9068), signed with this algorithm. */
    ACCESS_TOKEN_SIGN_ALG("accessTokenSignAlg", GrantSet.ALL),
    /** FAPI profiles: they restrict client authentication and grants and require sender-constrained tokens. */
    FAPI_MODES("fapiModes", GrantSet.ALL),
    /** Service profiles (FAPI, Open Banking), with the same effect on requests for their scopes. */
    SUPPORTED_SERVICE_PROFILES("supportedServiceProfiles", GrantSet.ALL),
    /** A new token revokes the subject's other tokens of the client (not for client_credentials, which has none). */
    SINGLE_ACCESS_TOKEN_PER_SUBJECT("singleAccessTokenPerSubject", GrantSet.WITH_SUBJECT),
    /**
     * On refresh, {@code openid} is dropped from the new access token unless the grant has {@code offline_access}.
     * It matters only for such a refresh, so the refresh handler checks it there rather than for every request.
     */
    OPENID_DROPPED_ON_REFRESH_WITHOUT_OFFLINE_ACCESS("openidDroppedOnRefreshWithoutOfflineAccess", GrantSet.NONE);

    private final String member;
    private final Predicate<String> grants;

    UnsupportedSetting(String member, GrantSet grants) {
        this.member = member;
        this.grants = grants.types;
    }

    /** The setting's name in Authlete's service or client JSON, as the refusal names it. */
    public String member() {
        return member;
    }

    /**
     * Whether every request of {@code grantType} (a {@code grant_type} value) is refused while the setting is on.
     * Grants registered from outside are covered too: they issue tokens through the same step, which would not
     * bind, sign or revoke them as the setting says.
     */
    public boolean refuses(String grantType) {
        return grants.test(grantType);
    }

    private enum GrantSet {
        ALL(grantType -> true),
        /** client_credentials has no subject; every other grant has one. */
        WITH_SUBJECT(grantType -> !GrantType.CLIENT_CREDENTIALS.wireValue().equals(grantType)),
        NONE(grantType -> false);

        private final Predicate<String> types;

        GrantSet(Predicate<String> types) {
            this.types = types;
        }
    }
}
