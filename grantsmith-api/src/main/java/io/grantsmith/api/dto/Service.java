package io.grantsmith.api.dto;

import io.grantsmith.api.types.ClaimType;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.JWSAlg;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseType;

/**
 * A service (one authorization server), in Authlete's {@code Service} JSON shape. This class holds the
 * fields that Grantsmith acts on or that the authorization code flow and OpenID Connect read; the management API
 * stores and returns every other member it is given as is.
 */
public final class Service {
    private int number;
    private String serviceName;
    /** The numeric service ID; also the API key of the v2 API. */
    private long apiKey;
    /** Returned once, by service creation; only its hash is kept. */
    private String apiSecret;
    private String description;
    private String issuer;
    private String tokenEndpoint;
    private Scope[] supportedScopes;
    private GrantType[] supportedGrantTypes;
    private ClientAuthMethod[] supportedTokenAuthMethods;
    private String accessTokenType;
    private long accessTokenDuration;
    private long refreshTokenDuration;
    private boolean refreshTokenKept;
    private boolean refreshTokenDurationKept;
    private boolean refreshTokenDurationReset;
    private boolean refreshTokenIdempotent;
    private boolean tokenExpirationLinked;
    private boolean singleAccessTokenPerSubject;
    private boolean scopeRequired;
    private boolean errorDescriptionOmitted;
    private boolean errorUriOmitted;
    private boolean clientIdAliasEnabled;
    private boolean missingClientIdAllowed;
    private boolean directTokenEndpointEnabled;
    private Pair[] attributes;
    private long createdAt;
    private long modifiedAt;

    // what the authorization code flow, OpenID Connect and discovery read
    private String authorizationEndpoint;
    private String revocationEndpoint;
    private ClientAuthMethod[] supportedRevocationAuthMethods;
    private String userInfoEndpoint;
    private String jwksUri;
    /** The service's JWK Set as a JSON string, private keys included. */
    private String jwks;
    private ResponseType[] supportedResponseTypes;
    private String[] supportedAcrs;
    private Display[] supportedDisplays;
    private ClaimType[] supportedClaimTypes;
    private String[] supportedClaims;
    private String serviceDocumentation;
    private String[] supportedClaimLocales;
    private String[] supportedUiLocales;
    private String policyUri;
    private String tosUri;
    private boolean directAuthorizationEndpointEnabled;
    private boolean directRevocationEndpointEnabled;
    private boolean directUserInfoEndpointEnabled;
    private boolean directJwksEndpointEnabled;
    private boolean directIntrospectionEndpointEnabled;
    private boolean pkceRequired;
    private boolean pkceS256Required;
    private boolean tlsClientCertificateBoundAccessTokens;
    private String introspectionEndpoint;
    private ClientAuthMethod[] supportedIntrospectionAuthMethods;
    private String endSessionEndpoint;
    private JWSAlg accessTokenSignAlg;
    private long idTokenDuration;
    private long authorizationResponseDuration;
    private long pushedAuthReqDuration;
    private String accessTokenSignatureKeyId;
    private String authorizationSignatureKeyId;
    private String idTokenSignatureKeyId;
    private String userInfoSignatureKeyId;
    private int allowableClockSkew;
    private String pushedAuthReqEndpoint;
    private NamedUri[] mtlsEndpointAliases;
    private String[] supportedAuthorizationDetailsTypes;
    private boolean parRequired;
    private boolean requestObjectRequired;
    private boolean traditionalRequestObjectProcessingApplied;
    /** Scope-shortcut claims go to the ID token only when no access token is issued. */
    private boolean claimShortcutRestrictive;
    private boolean nbfOptional;
    private boolean issSuppressed;
    /** A refresh of an OpenID Connect grant answers ID_TOKEN_REISSUABLE (see /idtoken/reissue). */
    private boolean idTokenReissuable;
    private boolean frontChannelRequestObjectEncryptionRequired;
    private boolean requestObjectEncryptionAlgMatchRequired;
    private boolean requestObjectEncryptionEncMatchRequired;
    private String grantManagementEndpoint;
    private boolean grantManagementActionRequired;
    private boolean dcrScopeUsedAsRequestable;
    private String predefinedTransformedClaims;
    /** Any port matches a registered loopback redirect URI. */
    private boolean loopbackRedirectionUriVariable;
    private boolean requestObjectAudienceChecked;
    private boolean accessTokenForExternalAttachmentEmbedded;
    /** {@code "array"}, {@code "string"} or null. */
    private String idTokenAudType;
    private Prompt[] supportedPromptValues;
    private String introspectionSignatureKeyId;
    private boolean dpopNonceRequired;
    private long dpopNonceDuration;
    private boolean nativeSsoSupported;
    /** Seconds; 0 means the server's default. Newer than Authlete's Java library 4.33. */
    private long authorizationCodeDuration;
    /** Newer than Authlete's Java library 4.33. */
    private boolean backchannelLogoutSessionSupported;
    public int getNumber() {
        return number;
    }

    public Service setNumber(int number) {
        this.number = number;
        return this;
    }

    public String getServiceName() {
        return serviceName;
    }

    public Service setServiceName(String serviceName) {
        this.serviceName = serviceName;
        return this;
    }

    public long getApiKey() {
        return apiKey;
    }

    public Service setApiKey(long apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public Service setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
        return this;
    }

    public String getDescription() {
        return description;
    }

    public Service setDescription(String description) {
        this.description = description;
        return this;
    }

    public String getIssuer() {
        return issuer;
    }

    public Service setIssuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public String getTokenEndpoint() {
        return tokenEndpoint;
    }

    public Service setTokenEndpoint(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
        return this;
    }

    public Scope[] getSupportedScopes() {
        return supportedScopes;
    }

    public Service setSupportedScopes(Scope[] supportedScopes) {
        this.supportedScopes = supportedScopes;
        return this;
    }

    public GrantType[] getSupportedGrantTypes() {
        return supportedGrantTypes;
    }

    public Service setSupportedGrantTypes(GrantType[] supportedGrantTypes) {
        this.supportedGrantTypes = supportedGrantTypes;
        return this;
    }

    public ClientAuthMethod[] getSupportedTokenAuthMethods() {
        return supportedTokenAuthMethods;
    }

    public Service setSupportedTokenAuthMethods(ClientAuthMethod[] supportedTokenAuthMethods) {
        this.supportedTokenAuthMethods = supportedTokenAuthMethods;
        return this;
    }

    public String getAccessTokenType() {
        return accessTokenType;
    }

    public Service setAccessTokenType(String accessTokenType) {
        this.accessTokenType = accessTokenType;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public Service setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public long getRefreshTokenDuration() {
        return refreshTokenDuration;
    }

    public Service setRefreshTokenDuration(long refreshTokenDuration) {
        this.refreshTokenDuration = refreshTokenDuration;
        return this;
    }

    public boolean isRefreshTokenKept() {
        return refreshTokenKept;
    }

    public Service setRefreshTokenKept(boolean refreshTokenKept) {
        this.refreshTokenKept = refreshTokenKept;
        return this;
    }

    public boolean isRefreshTokenDurationKept() {
        return refreshTokenDurationKept;
    }

    public Service setRefreshTokenDurationKept(boolean refreshTokenDurationKept) {
        this.refreshTokenDurationKept = refreshTokenDurationKept;
        return this;
    }

    public boolean isRefreshTokenDurationReset() {
        return refreshTokenDurationReset;
    }

    public Service setRefreshTokenDurationReset(boolean refreshTokenDurationReset) {
        this.refreshTokenDurationReset = refreshTokenDurationReset;
        return this;
    }

    public boolean isRefreshTokenIdempotent() {
        return refreshTokenIdempotent;
    }

    public Service setRefreshTokenIdempotent(boolean refreshTokenIdempotent) {
        this.refreshTokenIdempotent = refreshTokenIdempotent;
        return this;
    }

    public boolean isTokenExpirationLinked() {
        return tokenExpirationLinked;
    }

    public Service setTokenExpirationLinked(boolean tokenExpirationLinked) {
        this.tokenExpirationLinked = tokenExpirationLinked;
        return this;
    }

    public boolean isSingleAccessTokenPerSubject() {
        return singleAccessTokenPerSubject;
    }

    public Service setSingleAccessTokenPerSubject(boolean singleAccessTokenPerSubject) {
        this.singleAccessTokenPerSubject = singleAccessTokenPerSubject;
        return this;
    }

    public boolean isScopeRequired() {
        return scopeRequired;
    }

    public Service setScopeRequired(boolean scopeRequired) {
        this.scopeRequired = scopeRequired;
        return this;
    }

    public boolean isErrorDescriptionOmitted() {
        return errorDescriptionOmitted;
    }

    public Service setErrorDescriptionOmitted(boolean errorDescriptionOmitted) {
        this.errorDescriptionOmitted = errorDescriptionOmitted;
        return this;
    }

    public boolean isErrorUriOmitted() {
        return errorUriOmitted;
    }

    public Service setErrorUriOmitted(boolean errorUriOmitted) {
        this.errorUriOmitted = errorUriOmitted;
        return this;
    }

    public boolean isClientIdAliasEnabled() {
        return clientIdAliasEnabled;
    }

    public Service setClientIdAliasEnabled(boolean clientIdAliasEnabled) {
        this.clientIdAliasEnabled = clientIdAliasEnabled;
        return this;
    }

    public boolean isMissingClientIdAllowed() {
        return missingClientIdAllowed;
    }

    public Service setMissingClientIdAllowed(boolean missingClientIdAllowed) {
        this.missingClientIdAllowed = missingClientIdAllowed;
        return this;
    }

    public boolean isDirectTokenEndpointEnabled() {
        return directTokenEndpointEnabled;
    }

    public Service setDirectTokenEndpointEnabled(boolean directTokenEndpointEnabled) {
        this.directTokenEndpointEnabled = directTokenEndpointEnabled;
        return this;
    }

    public Pair[] getAttributes() {
        return attributes;
    }

    public Service setAttributes(Pair[] attributes) {
        this.attributes = attributes;
        return this;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Service setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public long getModifiedAt() {
        return modifiedAt;
    }

    public Service setModifiedAt(long modifiedAt) {
        this.modifiedAt = modifiedAt;
        return this;
    }

    public String getAuthorizationEndpoint() {
        return authorizationEndpoint;
    }

    public Service setAuthorizationEndpoint(String authorizationEndpoint) {
        this.authorizationEndpoint = authorizationEndpoint;
        return this;
    }

    public String getRevocationEndpoint() {
        return revocationEndpoint;
    }

    public Service setRevocationEndpoint(String revocationEndpoint) {
        this.revocationEndpoint = revocationEndpoint;
        return this;
    }

    public ClientAuthMethod[] getSupportedRevocationAuthMethods() {
        return supportedRevocationAuthMethods;
    }

    public Service setSupportedRevocationAuthMethods(ClientAuthMethod[] supportedRevocationAuthMethods) {
        this.supportedRevocationAuthMethods = supportedRevocationAuthMethods;
        return this;
    }

    public String getUserInfoEndpoint() {
        return userInfoEndpoint;
    }

    public Service setUserInfoEndpoint(String userInfoEndpoint) {
        this.userInfoEndpoint = userInfoEndpoint;
        return this;
    }

    public String getJwksUri() {
        return jwksUri;
    }

    public Service setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
        return this;
    }

    public String getJwks() {
        return jwks;
    }

    public Service setJwks(String jwks) {
        this.jwks = jwks;
        return this;
    }

    public ResponseType[] getSupportedResponseTypes() {
        return supportedResponseTypes;
    }

    public Service setSupportedResponseTypes(ResponseType[] supportedResponseTypes) {
        this.supportedResponseTypes = supportedResponseTypes;
        return this;
    }

    public String[] getSupportedAcrs() {
        return supportedAcrs;
    }

    public Service setSupportedAcrs(String[] supportedAcrs) {
        this.supportedAcrs = supportedAcrs;
        return this;
    }

    public Display[] getSupportedDisplays() {
        return supportedDisplays;
    }

    public Service setSupportedDisplays(Display[] supportedDisplays) {
        this.supportedDisplays = supportedDisplays;
        return this;
    }

    public ClaimType[] getSupportedClaimTypes() {
        return supportedClaimTypes;
    }

    public Service setSupportedClaimTypes(ClaimType[] supportedClaimTypes) {
        this.supportedClaimTypes = supportedClaimTypes;
        return this;
    }

    public String[] getSupportedClaims() {
        return supportedClaims;
    }

    public Service setSupportedClaims(String[] supportedClaims) {
        this.supportedClaims = supportedClaims;
        return this;
    }

    public String getServiceDocumentation() {
        return serviceDocumentation;
    }

    public Service setServiceDocumentation(String serviceDocumentation) {
        this.serviceDocumentation = serviceDocumentation;
        return this;
    }

    public String[] getSupportedClaimLocales() {
        return supportedClaimLocales;
    }

    public Service setSupportedClaimLocales(String[] supportedClaimLocales) {
        this.supportedClaimLocales = supportedClaimLocales;
        return this;
    }

    public String[] getSupportedUiLocales() {
        return supportedUiLocales;
    }

    public Service setSupportedUiLocales(String[] supportedUiLocales) {
        this.supportedUiLocales = supportedUiLocales;
        return this;
    }

    public String getPolicyUri() {
        return policyUri;
    }

    public Service setPolicyUri(String policyUri) {
        this.policyUri = policyUri;
        return this;
    }

    public String getTosUri() {
        return tosUri;
    }

    public Service setTosUri(String tosUri) {
        this.tosUri = tosUri;
        return this;
    }

    public boolean isDirectAuthorizationEndpointEnabled() {
        return directAuthorizationEndpointEnabled;
    }

    public Service setDirectAuthorizationEndpointEnabled(boolean directAuthorizationEndpointEnabled) {
        this.directAuthorizationEndpointEnabled = directAuthorizationEndpointEnabled;
        return this;
    }

    public boolean isDirectRevocationEndpointEnabled() {
        return directRevocationEndpointEnabled;
    }

    public Service setDirectRevocationEndpointEnabled(boolean directRevocationEndpointEnabled) {
        this.directRevocationEndpointEnabled = directRevocationEndpointEnabled;
        return this;
    }

    public boolean isDirectUserInfoEndpointEnabled() {
        return directUserInfoEndpointEnabled;
    }

    public Service setDirectUserInfoEndpointEnabled(boolean directUserInfoEndpointEnabled) {
        this.directUserInfoEndpointEnabled = directUserInfoEndpointEnabled;
        return this;
    }

    public boolean isDirectJwksEndpointEnabled() {
        return directJwksEndpointEnabled;
    }

    public Service setDirectJwksEndpointEnabled(boolean directJwksEndpointEnabled) {
        this.directJwksEndpointEnabled = directJwksEndpointEnabled;
        return this;
    }

    public boolean isDirectIntrospectionEndpointEnabled() {
        return directIntrospectionEndpointEnabled;
    }

    public Service setDirectIntrospectionEndpointEnabled(boolean directIntrospectionEndpointEnabled) {
        this.directIntrospectionEndpointEnabled = directIntrospectionEndpointEnabled;
        return this;
    }

    public boolean isPkceRequired() {
        return pkceRequired;
    }

    public Service setPkceRequired(boolean pkceRequired) {
        this.pkceRequired = pkceRequired;
        return this;
    }

    public boolean isPkceS256Required() {
        return pkceS256Required;
    }

    public Service setPkceS256Required(boolean pkceS256Required) {
        this.pkceS256Required = pkceS256Required;
        return this;
    }

    public boolean isTlsClientCertificateBoundAccessTokens() {
        return tlsClientCertificateBoundAccessTokens;
    }

    public Service setTlsClientCertificateBoundAccessTokens(boolean tlsClientCertificateBoundAccessTokens) {
        this.tlsClientCertificateBoundAccessTokens = tlsClientCertificateBoundAccessTokens;
        return this;
    }

    public String getIntrospectionEndpoint() {
        return introspectionEndpoint;
    }

    public Service setIntrospectionEndpoint(String introspectionEndpoint) {
        this.introspectionEndpoint = introspectionEndpoint;
        return this;
    }

    public ClientAuthMethod[] getSupportedIntrospectionAuthMethods() {
        return supportedIntrospectionAuthMethods;
    }

    public Service setSupportedIntrospectionAuthMethods(ClientAuthMethod[] supportedIntrospectionAuthMethods) {
        this.supportedIntrospectionAuthMethods = supportedIntrospectionAuthMethods;
        return this;
    }

    public String getEndSessionEndpoint() {
        return endSessionEndpoint;
    }

    public Service setEndSessionEndpoint(String endSessionEndpoint) {
        this.endSessionEndpoint = endSessionEndpoint;
        return this;
    }

    public JWSAlg getAccessTokenSignAlg() {
        return accessTokenSignAlg;
    }

    public Service setAccessTokenSignAlg(JWSAlg accessTokenSignAlg) {
        this.accessTokenSignAlg = accessTokenSignAlg;
        return this;
    }

    public long getIdTokenDuration() {
        return idTokenDuration;
    }

    public Service setIdTokenDuration(long idTokenDuration) {
        this.idTokenDuration = idTokenDuration;
        return this;
    }

    public long getAuthorizationResponseDuration() {
        return authorizationResponseDuration;
    }

    public Service setAuthorizationResponseDuration(long authorizationResponseDuration) {
        this.authorizationResponseDuration = authorizationResponseDuration;
        return this;
    }

    public long getPushedAuthReqDuration() {
        return pushedAuthReqDuration;
    }

    public Service setPushedAuthReqDuration(long pushedAuthReqDuration) {
        this.pushedAuthReqDuration = pushedAuthReqDuration;
        return this;
    }

    public String getAccessTokenSignatureKeyId() {
        return accessTokenSignatureKeyId;
    }

    public Service setAccessTokenSignatureKeyId(String accessTokenSignatureKeyId) {
        this.accessTokenSignatureKeyId = accessTokenSignatureKeyId;
        return this;
    }

    public String getAuthorizationSignatureKeyId() {
        return authorizationSignatureKeyId;
    }

    public Service setAuthorizationSignatureKeyId(String authorizationSignatureKeyId) {
        this.authorizationSignatureKeyId = authorizationSignatureKeyId;
        return this;
    }

    public String getIdTokenSignatureKeyId() {
        return idTokenSignatureKeyId;
    }

    public Service setIdTokenSignatureKeyId(String idTokenSignatureKeyId) {
        this.idTokenSignatureKeyId = idTokenSignatureKeyId;
        return this;
    }

    public String getUserInfoSignatureKeyId() {
        return userInfoSignatureKeyId;
    }

    public Service setUserInfoSignatureKeyId(String userInfoSignatureKeyId) {
        this.userInfoSignatureKeyId = userInfoSignatureKeyId;
        return this;
    }

    public int getAllowableClockSkew() {
        return allowableClockSkew;
    }

    public Service setAllowableClockSkew(int allowableClockSkew) {
        this.allowableClockSkew = allowableClockSkew;
        return this;
    }

    public String getPushedAuthReqEndpoint() {
        return pushedAuthReqEndpoint;
    }

    public Service setPushedAuthReqEndpoint(String pushedAuthReqEndpoint) {
        this.pushedAuthReqEndpoint = pushedAuthReqEndpoint;
        return this;
    }

    public NamedUri[] getMtlsEndpointAliases() {
        return mtlsEndpointAliases;
    }

    public Service setMtlsEndpointAliases(NamedUri[] mtlsEndpointAliases) {
        this.mtlsEndpointAliases = mtlsEndpointAliases;
        return this;
    }

    public String[] getSupportedAuthorizationDetailsTypes() {
        return supportedAuthorizationDetailsTypes;
    }

    public Service setSupportedAuthorizationDetailsTypes(String[] supportedAuthorizationDetailsTypes) {
        this.supportedAuthorizationDetailsTypes = supportedAuthorizationDetailsTypes;
        return this;
    }

    public boolean isParRequired() {
        return parRequired;
    }

    public Service setParRequired(boolean parRequired) {
        this.parRequired = parRequired;
        return this;
    }

    public boolean isRequestObjectRequired() {
        return requestObjectRequired;
    }

    public Service setRequestObjectRequired(boolean requestObjectRequired) {
        this.requestObjectRequired = requestObjectRequired;
        return this;
    }

    public boolean isTraditionalRequestObjectProcessingApplied() {
        return traditionalRequestObjectProcessingApplied;
    }

    public Service setTraditionalRequestObjectProcessingApplied(boolean traditionalRequestObjectProcessingApplied) {
        this.traditionalRequestObjectProcessingApplied = traditionalRequestObjectProcessingApplied;
        return this;
    }

    public boolean isClaimShortcutRestrictive() {
        return claimShortcutRestrictive;
    }

    public Service setClaimShortcutRestrictive(boolean claimShortcutRestrictive) {
        this.claimShortcutRestrictive = claimShortcutRestrictive;
        return this;
    }

    public boolean isNbfOptional() {
        return nbfOptional;
    }

    public Service setNbfOptional(boolean nbfOptional) {
        this.nbfOptional = nbfOptional;
        return this;
    }

    public boolean isIssSuppressed() {
        return issSuppressed;
    }

    public Service setIssSuppressed(boolean issSuppressed) {
        this.issSuppressed = issSuppressed;
        return this;
    }

    public boolean isIdTokenReissuable() {
        return idTokenReissuable;
    }

    public Service setIdTokenReissuable(boolean idTokenReissuable) {
        this.idTokenReissuable = idTokenReissuable;
        return this;
    }

    public boolean isFrontChannelRequestObjectEncryptionRequired() {
        return frontChannelRequestObjectEncryptionRequired;
    }

    public Service setFrontChannelRequestObjectEncryptionRequired(boolean frontChannelRequestObjectEncryptionRequired) {
        this.frontChannelRequestObjectEncryptionRequired = frontChannelRequestObjectEncryptionRequired;
        return this;
    }

    public boolean isRequestObjectEncryptionAlgMatchRequired() {
        return requestObjectEncryptionAlgMatchRequired;
    }

    public Service setRequestObjectEncryptionAlgMatchRequired(boolean requestObjectEncryptionAlgMatchRequired) {
        this.requestObjectEncryptionAlgMatchRequired = requestObjectEncryptionAlgMatchRequired;
        return this;
    }

    public boolean isRequestObjectEncryptionEncMatchRequired() {
        return requestObjectEncryptionEncMatchRequired;
    }

    public Service setRequestObjectEncryptionEncMatchRequired(boolean requestObjectEncryptionEncMatchRequired) {
        this.requestObjectEncryptionEncMatchRequired = requestObjectEncryptionEncMatchRequired;
        return this;
    }

    public String getGrantManagementEndpoint() {
        return grantManagementEndpoint;
    }

    public Service setGrantManagementEndpoint(String grantManagementEndpoint) {
        this.grantManagementEndpoint = grantManagementEndpoint;
        return this;
    }

    public boolean isGrantManagementActionRequired() {
        return grantManagementActionRequired;
    }

    public Service setGrantManagementActionRequired(boolean grantManagementActionRequired) {
        this.grantManagementActionRequired = grantManagementActionRequired;
        return this;
    }

    public boolean isDcrScopeUsedAsRequestable() {
        return dcrScopeUsedAsRequestable;
    }

    public Service setDcrScopeUsedAsRequestable(boolean dcrScopeUsedAsRequestable) {
        this.dcrScopeUsedAsRequestable = dcrScopeUsedAsRequestable;
        return this;
    }

    public String getPredefinedTransformedClaims() {
        return predefinedTransformedClaims;
    }

    public Service setPredefinedTransformedClaims(String predefinedTransformedClaims) {
        this.predefinedTransformedClaims = predefinedTransformedClaims;
        return this;
    }

    public boolean isLoopbackRedirectionUriVariable() {
        return loopbackRedirectionUriVariable;
    }

    public Service setLoopbackRedirectionUriVariable(boolean loopbackRedirectionUriVariable) {
        this.loopbackRedirectionUriVariable = loopbackRedirectionUriVariable;
        return this;
    }

    public boolean isRequestObjectAudienceChecked() {
        return requestObjectAudienceChecked;
    }

    public Service setRequestObjectAudienceChecked(boolean requestObjectAudienceChecked) {
        this.requestObjectAudienceChecked = requestObjectAudienceChecked;
        return this;
    }

    public boolean isAccessTokenForExternalAttachmentEmbedded() {
        return accessTokenForExternalAttachmentEmbedded;
    }

    public Service setAccessTokenForExternalAttachmentEmbedded(boolean accessTokenForExternalAttachmentEmbedded) {
        this.accessTokenForExternalAttachmentEmbedded = accessTokenForExternalAttachmentEmbedded;
        return this;
    }

    public String getIdTokenAudType() {
        return idTokenAudType;
    }

    public Service setIdTokenAudType(String idTokenAudType) {
        this.idTokenAudType = idTokenAudType;
        return this;
    }

    public Prompt[] getSupportedPromptValues() {
        return supportedPromptValues;
    }

    public Service setSupportedPromptValues(Prompt[] supportedPromptValues) {
        this.supportedPromptValues = supportedPromptValues;
        return this;
    }

    public String getIntrospectionSignatureKeyId() {
        return introspectionSignatureKeyId;
    }

    public Service setIntrospectionSignatureKeyId(String introspectionSignatureKeyId) {
        this.introspectionSignatureKeyId = introspectionSignatureKeyId;
        return this;
    }

    public boolean isDpopNonceRequired() {
        return dpopNonceRequired;
    }

    public Service setDpopNonceRequired(boolean dpopNonceRequired) {
        this.dpopNonceRequired = dpopNonceRequired;
        return this;
    }

    public long getDpopNonceDuration() {
        return dpopNonceDuration;
    }

    public Service setDpopNonceDuration(long dpopNonceDuration) {
        this.dpopNonceDuration = dpopNonceDuration;
        return this;
    }

    public boolean isNativeSsoSupported() {
        return nativeSsoSupported;
    }

    public Service setNativeSsoSupported(boolean nativeSsoSupported) {
        this.nativeSsoSupported = nativeSsoSupported;
        return this;
    }

    public long getAuthorizationCodeDuration() {
        return authorizationCodeDuration;
    }

    public Service setAuthorizationCodeDuration(long authorizationCodeDuration) {
        this.authorizationCodeDuration = authorizationCodeDuration;
        return this;
    }

    public boolean isBackchannelLogoutSessionSupported() {
        return backchannelLogoutSessionSupported;
    }

    public Service setBackchannelLogoutSessionSupported(boolean backchannelLogoutSessionSupported) {
        this.backchannelLogoutSessionSupported = backchannelLogoutSessionSupported;
        return this;
    }
}
