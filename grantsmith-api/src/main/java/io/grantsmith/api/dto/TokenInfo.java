package io.grantsmith.api.dto;

/**
 * Information about a token presented in a token-exchange request (Authlete's {@code TokenInfo}).
 */
public final class TokenInfo {
    private long clientId;
    private String clientIdAlias;
    private boolean clientIdAliasUsed;
    private String clientEntityId;
    private boolean clientEntityIdUsed;
    private String metadataDocumentLocation;
    private boolean metadataDocumentUsed;
    private String subject;
    private Scope[] scopes;
    private long expiresAt;
    private Property[] properties;
    private String[] resources;
    private AuthzDetails authorizationDetails;

    public long getClientId() {
        return clientId;
    }

    public TokenInfo setClientId(long clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getClientIdAlias() {
        return clientIdAlias;
    }

    public TokenInfo setClientIdAlias(String clientIdAlias) {
        this.clientIdAlias = clientIdAlias;
        return this;
    }

    public boolean isClientIdAliasUsed() {
        return clientIdAliasUsed;
    }

    public TokenInfo setClientIdAliasUsed(boolean clientIdAliasUsed) {
        this.clientIdAliasUsed = clientIdAliasUsed;
        return this;
    }

    public String getClientEntityId() {
        return clientEntityId;
    }

    public TokenInfo setClientEntityId(String clientEntityId) {
        this.clientEntityId = clientEntityId;
        return this;
    }

    public boolean isClientEntityIdUsed() {
        return clientEntityIdUsed;
    }

    public TokenInfo setClientEntityIdUsed(boolean clientEntityIdUsed) {
        this.clientEntityIdUsed = clientEntityIdUsed;
        return this;
    }

    public String getMetadataDocumentLocation() {
        return metadataDocumentLocation;
    }

    public TokenInfo setMetadataDocumentLocation(String metadataDocumentLocation) {
        this.metadataDocumentLocation = metadataDocumentLocation;
        return this;
    }

    public boolean isMetadataDocumentUsed() {
        return metadataDocumentUsed;
    }

    public TokenInfo setMetadataDocumentUsed(boolean metadataDocumentUsed) {
        this.metadataDocumentUsed = metadataDocumentUsed;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public TokenInfo setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public Scope[] getScopes() {
        return scopes;
    }

    public TokenInfo setScopes(Scope[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public TokenInfo setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public TokenInfo setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String[] getResources() {
        return resources;
    }

    public TokenInfo setResources(String[] resources) {
        this.resources = resources;
        return this;
    }

    public AuthzDetails getAuthorizationDetails() {
        return authorizationDetails;
    }

    public TokenInfo setAuthorizationDetails(AuthzDetails authorizationDetails) {
        this.authorizationDetails = authorizationDetails;
        return this;
    }
}
