package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/token/issue}.
 */
public final class TokenIssueResponse extends ApiResponse {
    private Action action;
    private String responseContent;
    private String accessToken;
    private long accessTokenExpiresAt;
    private long accessTokenDuration;
    private String refreshToken;
    private long refreshTokenExpiresAt;
    private long refreshTokenDuration;
    private long clientId;
    private String clientIdAlias;
    private boolean clientIdAliasUsed;
    private String clientEntityId;
    private boolean clientEntityIdUsed;
    private String metadataDocumentLocation;
    private boolean metadataDocumentUsed;
    private String subject;
    private String[] scopes;
    private Property[] properties;
    private String jwtAccessToken;
    private String[] accessTokenResources;
    private AuthzDetails authorizationDetails;
    private Pair[] serviceAttributes;
    private Pair[] clientAttributes;
    private String[] refreshTokenScopes;

    public Action getAction() {
        return action;
    }

    public TokenIssueResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public TokenIssueResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public TokenIssueResponse setAccessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    public long getAccessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    public TokenIssueResponse setAccessTokenExpiresAt(long accessTokenExpiresAt) {
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public TokenIssueResponse setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public TokenIssueResponse setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
        return this;
    }

    public long getRefreshTokenExpiresAt() {
        return refreshTokenExpiresAt;
    }

    public TokenIssueResponse setRefreshTokenExpiresAt(long refreshTokenExpiresAt) {
        this.refreshTokenExpiresAt = refreshTokenExpiresAt;
        return this;
    }

    public long getRefreshTokenDuration() {
        return refreshTokenDuration;
    }

    public TokenIssueResponse setRefreshTokenDuration(long refreshTokenDuration) {
        this.refreshTokenDuration = refreshTokenDuration;
        return this;
    }

    public long getClientId() {
        return clientId;
    }

    public TokenIssueResponse setClientId(long clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getClientIdAlias() {
        return clientIdAlias;
    }

    public TokenIssueResponse setClientIdAlias(String clientIdAlias) {
        this.clientIdAlias = clientIdAlias;
        return this;
    }

    public boolean isClientIdAliasUsed() {
        return clientIdAliasUsed;
    }

    public TokenIssueResponse setClientIdAliasUsed(boolean clientIdAliasUsed) {
        this.clientIdAliasUsed = clientIdAliasUsed;
        return this;
    }

    public String getClientEntityId() {
        return clientEntityId;
    }

    public TokenIssueResponse setClientEntityId(String clientEntityId) {
        this.clientEntityId = clientEntityId;
        return this;
    }

    public boolean isClientEntityIdUsed() {
        return clientEntityIdUsed;
    }

    public TokenIssueResponse setClientEntityIdUsed(boolean clientEntityIdUsed) {
        this.clientEntityIdUsed = clientEntityIdUsed;
        return this;
    }

    public String getMetadataDocumentLocation() {
        return metadataDocumentLocation;
    }

    public TokenIssueResponse setMetadataDocumentLocation(String metadataDocumentLocation) {
        this.metadataDocumentLocation = metadataDocumentLocation;
        return this;
    }

    public boolean isMetadataDocumentUsed() {
        return metadataDocumentUsed;
    }

    public TokenIssueResponse setMetadataDocumentUsed(boolean metadataDocumentUsed) {
        this.metadataDocumentUsed = metadataDocumentUsed;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public TokenIssueResponse setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String[] getScopes() {
        return scopes;
    }

    public TokenIssueResponse setScopes(String[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public TokenIssueResponse setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String getJwtAccessToken() {
        return jwtAccessToken;
    }

    public TokenIssueResponse setJwtAccessToken(String jwtAccessToken) {
        this.jwtAccessToken = jwtAccessToken;
        return this;
    }

    public String[] getAccessTokenResources() {
        return accessTokenResources;
    }

    public TokenIssueResponse setAccessTokenResources(String[] accessTokenResources) {
        this.accessTokenResources = accessTokenResources;
        return this;
    }

    public AuthzDetails getAuthorizationDetails() {
        return authorizationDetails;
    }

    public TokenIssueResponse setAuthorizationDetails(AuthzDetails authorizationDetails) {
        this.authorizationDetails = authorizationDetails;
        return this;
    }

    public Pair[] getServiceAttributes() {
        return serviceAttributes;
    }

    public TokenIssueResponse setServiceAttributes(Pair[] serviceAttributes) {
        this.serviceAttributes = serviceAttributes;
        return this;
    }

    public Pair[] getClientAttributes() {
        return clientAttributes;
    }

    public TokenIssueResponse setClientAttributes(Pair[] clientAttributes) {
        this.clientAttributes = clientAttributes;
        return this;
    }

    public String[] getRefreshTokenScopes() {
        return refreshTokenScopes;
    }

    public TokenIssueResponse setRefreshTokenScopes(String[] refreshTokenScopes) {
        this.refreshTokenScopes = refreshTokenScopes;
        return this;
    }

    /** What the authorization server should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        OK
    }
}
