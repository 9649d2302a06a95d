package io.grantsmith.api.dto;

import io.grantsmith.api.types.GrantType;

/**
 * Response from {@code /auth/introspection}. {@code responseContent} is a {@code WWW-Authenticate} value. Times
 * are milliseconds since the epoch, except {@code authTime} (seconds).
 */
public final class IntrospectionResponse extends ApiResponse {
    private Action action;
    private long clientId;
    private String subject;
    private String[] scopes;
    private Scope[] scopeDetails;
    private boolean existent;
    private boolean usable;
    private boolean sufficient;
    private boolean refreshable;
    private String responseContent;
    private long expiresAt;
    private Property[] properties;
    private String clientIdAlias;
    private boolean clientIdAliasUsed;
    private String clientEntityId;
    private boolean clientEntityIdUsed;
    private String metadataDocumentLocation;
    private boolean metadataDocumentUsed;
    private String certificateThumbprint;
    private String[] resources;
    private String[] accessTokenResources;
    private AuthzDetails authorizationDetails;
    private String grantId;
    private Grant grant;
    private String[] consentedClaims;
    private Pair[] serviceAttributes;
    private Pair[] clientAttributes;
    private boolean forExternalAttachment;
    private String acr;
    private long authTime;
    private GrantType grantType;
    private boolean forCredentialIssuance;
    private String cnonce;
    private long cnonceExpiresAt;
    /** A JSON array, as a string. */
    private String issuableCredentials;
    private String dpopNonce;
    private boolean responseSigningRequired;

    public Action getAction() {
        return action;
    }

    public IntrospectionResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public long getClientId() {
        return clientId;
    }

    public IntrospectionResponse setClientId(long clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public IntrospectionResponse setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String[] getScopes() {
        return scopes;
    }

    public IntrospectionResponse setScopes(String[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public Scope[] getScopeDetails() {
        return scopeDetails;
    }

    public IntrospectionResponse setScopeDetails(Scope[] scopeDetails) {
        this.scopeDetails = scopeDetails;
        return this;
    }

    public boolean isExistent() {
        return existent;
    }

    public IntrospectionResponse setExistent(boolean existent) {
        this.existent = existent;
        return this;
    }

    public boolean isUsable() {
        return usable;
    }

    public IntrospectionResponse setUsable(boolean usable) {
        this.usable = usable;
        return this;
    }

    public boolean isSufficient() {
        return sufficient;
    }

    public IntrospectionResponse setSufficient(boolean sufficient) {
        this.sufficient = sufficient;
        return this;
    }

    public boolean isRefreshable() {
        return refreshable;
    }

    public IntrospectionResponse setRefreshable(boolean refreshable) {
        this.refreshable = refreshable;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public IntrospectionResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public IntrospectionResponse setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public IntrospectionResponse setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String getClientIdAlias() {
        return clientIdAlias;
    }

    public IntrospectionResponse setClientIdAlias(String clientIdAlias) {
        this.clientIdAlias = clientIdAlias;
        return this;
    }

    public boolean isClientIdAliasUsed() {
        return clientIdAliasUsed;
    }

    public IntrospectionResponse setClientIdAliasUsed(boolean clientIdAliasUsed) {
        this.clientIdAliasUsed = clientIdAliasUsed;
        return this;
    }

    public String getClientEntityId() {
        return clientEntityId;
    }

    public IntrospectionResponse setClientEntityId(String clientEntityId) {
        this.clientEntityId = clientEntityId;
        return this;
    }

    public boolean isClientEntityIdUsed() {
        return clientEntityIdUsed;
    }

    public IntrospectionResponse setClientEntityIdUsed(boolean clientEntityIdUsed) {
        this.clientEntityIdUsed = clientEntityIdUsed;
        return this;
    }

    public String getMetadataDocumentLocation() {
        return metadataDocumentLocation;
    }

    public IntrospectionResponse setMetadataDocumentLocation(String metadataDocumentLocation) {
        this.metadataDocumentLocation = metadataDocumentLocation;
        return this;
    }

    public boolean isMetadataDocumentUsed() {
        return metadataDocumentUsed;
    }

    public IntrospectionResponse setMetadataDocumentUsed(boolean metadataDocumentUsed) {
        this.metadataDocumentUsed = metadataDocumentUsed;
        return this;
    }

    public String getCertificateThumbprint() {
        return certificateThumbprint;
    }

    public IntrospectionResponse setCertificateThumbprint(String certificateThumbprint) {
        this.certificateThumbprint = certificateThumbprint;
        return this;
    }

    public String[] getResources() {
        return resources;
    }

    public IntrospectionResponse setResources(String[] resources) {
        this.resources = resources;
        return this;
    }

    public String[] getAccessTokenResources() {
        return accessTokenResources;
    }

    public IntrospectionResponse setAccessTokenResources(String[] accessTokenResources) {
        this.accessTokenResources = accessTokenResources;
        return this;
    }

    public AuthzDetails getAuthorizationDetails() {
        return authorizationDetails;
    }

    public IntrospectionResponse setAuthorizationDetails(AuthzDetails authorizationDetails) {
        this.authorizationDetails = authorizationDetails;
        return this;
    }

    public String getGrantId() {
        return grantId;
    }

    public IntrospectionResponse setGrantId(String grantId) {
        this.grantId = grantId;
        return this;
    }

    public Grant getGrant() {
        return grant;
    }

    public IntrospectionResponse setGrant(Grant grant) {
        this.grant = grant;
        return this;
    }

    public String[] getConsentedClaims() {
        return consentedClaims;
    }

    public IntrospectionResponse setConsentedClaims(String[] consentedClaims) {
        this.consentedClaims = consentedClaims;
        return this;
    }

    public Pair[] getServiceAttributes() {
        return serviceAttributes;
    }

    public IntrospectionResponse setServiceAttributes(Pair[] serviceAttributes) {
        this.serviceAttributes = serviceAttributes;
        return this;
    }

    public Pair[] getClientAttributes() {
        return clientAttributes;
    }

    public IntrospectionResponse setClientAttributes(Pair[] clientAttributes) {
        this.clientAttributes = clientAttributes;
        return this;
    }

    public boolean isForExternalAttachment() {
        return forExternalAttachment;
    }

    public IntrospectionResponse setForExternalAttachment(boolean forExternalAttachment) {
        this.forExternalAttachment = forExternalAttachment;
        return this;
    }

    public String getAcr() {
        return acr;
    }

    public IntrospectionResponse setAcr(String acr) {
        this.acr = acr;
        return this;
    }

    public long getAuthTime() {
        return authTime;
    }

    public IntrospectionResponse setAuthTime(long authTime) {
        this.authTime = authTime;
        return this;
    }

    public GrantType getGrantType() {
        return grantType;
    }

    public IntrospectionResponse setGrantType(GrantType grantType) {
        this.grantType = grantType;
        return this;
    }

    public boolean isForCredentialIssuance() {
        return forCredentialIssuance;
    }

    public IntrospectionResponse setForCredentialIssuance(boolean forCredentialIssuance) {
        this.forCredentialIssuance = forCredentialIssuance;
        return this;
    }

    public String getCnonce() {
        return cnonce;
    }

    public IntrospectionResponse setCnonce(String cnonce) {
        this.cnonce = cnonce;
        return this;
    }

    public long getCnonceExpiresAt() {
        return cnonceExpiresAt;
    }

    public IntrospectionResponse setCnonceExpiresAt(long cnonceExpiresAt) {
        this.cnonceExpiresAt = cnonceExpiresAt;
        return this;
    }

    public String getIssuableCredentials() {
        return issuableCredentials;
    }

    public IntrospectionResponse setIssuableCredentials(String issuableCredentials) {
        this.issuableCredentials = issuableCredentials;
        return this;
    }

    public String getDpopNonce() {
        return dpopNonce;
    }

    public IntrospectionResponse setDpopNonce(String dpopNonce) {
        this.dpopNonce = dpopNonce;
        return this;
    }

    public boolean isResponseSigningRequired() {
        return responseSigningRequired;
    }

    public IntrospectionResponse setResponseSigningRequired(boolean responseSigningRequired) {
        this.responseSigningRequired = responseSigningRequired;
        return this;
    }

    /** What the resource server should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        UNAUTHORIZED,
        FORBIDDEN,
        OK
    }
}
