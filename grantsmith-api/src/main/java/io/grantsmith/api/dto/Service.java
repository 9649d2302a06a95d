package io.grantsmith.api.dto;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;

/**
 * A service (one authorization server), in Authlete's {@code Service} JSON shape. This class holds the
 * fields that Grantsmith acts on; the management API stores and returns every other member it is given as is.
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
}
