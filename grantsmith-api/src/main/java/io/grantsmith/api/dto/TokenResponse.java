package io.grantsmith.api.dto;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.TokenType;

/**
 * Response from {@code /auth/token}. Every field of Authlete's {@code TokenResponse}; fields of features
 * that are not implemented yet stay {@code null} (or 0 / false for numbers and flags).
 * Times are milliseconds since the epoch; durations are seconds.
 */
public final class TokenResponse extends ApiResponse {
    private Action action;
    /** The JSON body to send to the client; null for PASSWORD. */
    private String responseContent;
    private String username;
    private String password;
    private String ticket;
    private String accessToken;
    private long accessTokenExpiresAt;
    private long accessTokenDuration;
    private String refreshToken;
    private long refreshTokenExpiresAt;
    private long refreshTokenDuration;
    private String idToken;
    private GrantType grantType;
    /** Numeric client ID; 0 when the client could not be identified. */
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
    private ClientAuthMethod clientAuthMethod;
    private String[] resources;
    private String[] accessTokenResources;
    private AuthzDetails authorizationDetails;
    private String grantId;
    private Pair[] serviceAttributes;
    private Pair[] clientAttributes;
    private String[] audiences;
    private TokenType requestedTokenType;
    private String subjectToken;
    private TokenType subjectTokenType;
    private TokenInfo subjectTokenInfo;
    private String actorToken;
    private TokenType actorTokenType;
    private TokenInfo actorTokenInfo;
    private String assertion;
    private boolean previousRefreshTokenUsed;
    private String cnonce;
    private long cnonceExpiresAt;
    private long cnonceDuration;
    private String[] requestedIdTokenClaims;
    private String dpopNonce;
    private String[] refreshTokenScopes;
    private String sessionId;
    private String additionalClaims;
    private String deviceSecret;
    private String deviceSecretHash;
    private String attestationChallenge;

    public Action getAction() {
        return action;
    }

    public TokenResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public TokenResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public String getUsername() {
        return username;
    }

    public TokenResponse setUsername(String username) {
        this.username = username;
        return this;
    }

    public String getPassword() {
        return password;
    }

    public TokenResponse setPassword(String password) {
        this.password = password;
        return this;
    }

    public String getTicket() {
        return ticket;
    }

    public TokenResponse setTicket(String ticket) {
        this.ticket = ticket;
        return this;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public TokenResponse setAccessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    public long getAccessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    public TokenResponse setAccessTokenExpiresAt(long accessTokenExpiresAt) {
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public TokenResponse setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public TokenResponse setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
        return this;
    }

    public long getRefreshTokenExpiresAt() {
        return refreshTokenExpiresAt;
    }

    public TokenResponse setRefreshTokenExpiresAt(long refreshTokenExpiresAt) {
        this.refreshTokenExpiresAt = refreshTokenExpiresAt;
        return this;
    }

    public long getRefreshTokenDuration() {
        return refreshTokenDuration;
    }

    public TokenResponse setRefreshTokenDuration(long refreshTokenDuration) {
        this.refreshTokenDuration = refreshTokenDuration;
        return this;
    }

    public String getIdToken() {
        return idToken;
    }

    public TokenResponse setIdToken(String idToken) {
        this.idToken = idToken;
        return this;
    }

    public GrantType getGrantType() {
        return grantType;
    }

    public TokenResponse setGrantType(GrantType grantType) {
        this.grantType = grantType;
        return this;
    }

    public long getClientId() {
        return clientId;
    }

    public TokenResponse setClientId(long clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getClientIdAlias() {
        return clientIdAlias;
    }

    public TokenResponse setClientIdAlias(String clientIdAlias) {
        this.clientIdAlias = clientIdAlias;
        return this;
    }

    public boolean isClientIdAliasUsed() {
        return clientIdAliasUsed;
    }

    public TokenResponse setClientIdAliasUsed(boolean clientIdAliasUsed) {
        this.clientIdAliasUsed = clientIdAliasUsed;
        return this;
    }

    public String getClientEntityId() {
        return clientEntityId;
    }

    public TokenResponse setClientEntityId(String clientEntityId) {
        this.clientEntityId = clientEntityId;
        return this;
    }

    public boolean isClientEntityIdUsed() {
        return clientEntityIdUsed;
    }

    public TokenResponse setClientEntityIdUsed(boolean clientEntityIdUsed) {
        this.clientEntityIdUsed = clientEntityIdUsed;
        return this;
    }

    public String getMetadataDocumentLocation() {
        return metadataDocumentLocation;
    }

    public TokenResponse setMetadataDocumentLocation(String metadataDocumentLocation) {
        this.metadataDocumentLocation = metadataDocumentLocation;
        return this;
    }

    public boolean isMetadataDocumentUsed() {
        return metadataDocumentUsed;
    }

    public TokenResponse setMetadataDocumentUsed(boolean metadataDocumentUsed) {
        this.metadataDocumentUsed = metadataDocumentUsed;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public TokenResponse setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String[] getScopes() {
        return scopes;
    }

    public TokenResponse setScopes(String[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public TokenResponse setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String getJwtAccessToken() {
        return jwtAccessToken;
    }

    public TokenResponse setJwtAccessToken(String jwtAccessToken) {
        this.jwtAccessToken = jwtAccessToken;
        return this;
    }

    public ClientAuthMethod getClientAuthMethod() {
        return clientAuthMethod;
    }

    public TokenResponse setClientAuthMethod(ClientAuthMethod clientAuthMethod) {
        this.clientAuthMethod = clientAuthMethod;
        return this;
    }

    public String[] getResources() {
        return resources;
    }

    public TokenResponse setResources(String[] resources) {
        this.resources = resources;
        return this;
    }

    public String[] getAccessTokenResources() {
        return accessTokenResources;
    }

    public TokenResponse setAccessTokenResources(String[] accessTokenResources) {
        this.accessTokenResources = accessTokenResources;
        return this;
    }

    public AuthzDetails getAuthorizationDetails() {
        return authorizationDetails;
    }

    public TokenResponse setAuthorizationDetails(AuthzDetails authorizationDetails) {
        this.authorizationDetails = authorizationDetails;
        return this;
    }

    public String getGrantId() {
        return grantId;
    }

    public TokenResponse setGrantId(String grantId) {
        this.grantId = grantId;
        return this;
    }

    public Pair[] getServiceAttributes() {
        return serviceAttributes;
    }

    public TokenResponse setServiceAttributes(Pair[] serviceAttributes) {
        this.serviceAttributes = serviceAttributes;
        return this;
    }

    public Pair[] getClientAttributes() {
        return clientAttributes;
    }

    public TokenResponse setClientAttributes(Pair[] clientAttributes) {
        this.clientAttributes = clientAttributes;
        return this;
    }

    public String[] getAudiences() {
        return audiences;
    }

    public TokenResponse setAudiences(String[] audiences) {
        this.audiences = audiences;
        return this;
    }

    public TokenType getRequestedTokenType() {
        return requestedTokenType;
    }

    public TokenResponse setRequestedTokenType(TokenType requestedTokenType) {
        this.requestedTokenType = requestedTokenType;
        return this;
    }

    public String getSubjectToken() {
        return subjectToken;
    }

    public TokenResponse setSubjectToken(String subjectToken) {
        this.subjectToken = subjectToken;
        return this;
    }

    public TokenType getSubjectTokenType() {
        return subjectTokenType;
    }

    public TokenResponse setSubjectTokenType(TokenType subjectTokenType) {
        this.subjectTokenType = subjectTokenType;
        return this;
    }

    public TokenInfo getSubjectTokenInfo() {
        return subjectTokenInfo;
    }

    public TokenResponse setSubjectTokenInfo(TokenInfo subjectTokenInfo) {
        this.subjectTokenInfo = subjectTokenInfo;
        return this;
    }

    public String getActorToken() {
        return actorToken;
    }

    public TokenResponse setActorToken(String actorToken) {
        this.actorToken = actorToken;
        return this;
    }

    public TokenType getActorTokenType() {
        return actorTokenType;
    }

    public TokenResponse setActorTokenType(TokenType actorTokenType) {
        this.actorTokenType = actorTokenType;
        return this;
    }

    public TokenInfo getActorTokenInfo() {
        return actorTokenInfo;
    }

    public TokenResponse setActorTokenInfo(TokenInfo actorTokenInfo) {
        this.actorTokenInfo = actorTokenInfo;
        return this;
    }

    public String getAssertion() {
        return assertion;
    }

    public TokenResponse setAssertion(String assertion) {
        this.assertion = assertion;
        return this;
    }

    public boolean isPreviousRefreshTokenUsed() {
        return previousRefreshTokenUsed;
    }

    public TokenResponse setPreviousRefreshTokenUsed(boolean previousRefreshTokenUsed) {
        this.previousRefreshTokenUsed = previousRefreshTokenUsed;
        return this;
    }

    public String getCnonce() {
        return cnonce;
    }

    public TokenResponse setCnonce(String cnonce) {
        this.cnonce = cnonce;
        return this;
    }

    public long getCnonceExpiresAt() {
        return cnonceExpiresAt;
    }

    public TokenResponse setCnonceExpiresAt(long cnonceExpiresAt) {
        this.cnonceExpiresAt = cnonceExpiresAt;
        return this;
    }

    public long getCnonceDuration() {
        return cnonceDuration;
    }

    public TokenResponse setCnonceDuration(long cnonceDuration) {
        this.cnonceDuration = cnonceDuration;
        return this;
    }

    public String[] getRequestedIdTokenClaims() {
        return requestedIdTokenClaims;
    }

    public TokenResponse setRequestedIdTokenClaims(String[] requestedIdTokenClaims) {
        this.requestedIdTokenClaims = requestedIdTokenClaims;
        return this;
    }

    public String getDpopNonce() {
        return dpopNonce;
    }

    public TokenResponse setDpopNonce(String dpopNonce) {
        this.dpopNonce = dpopNonce;
        return this;
    }

    public String[] getRefreshTokenScopes() {
        return refreshTokenScopes;
    }

    public TokenResponse setRefreshTokenScopes(String[] refreshTokenScopes) {
        this.refreshTokenScopes = refreshTokenScopes;
        return this;
    }

    public String getSessionId() {
        return sessionId;
    }

    public TokenResponse setSessionId(String sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public String getAdditionalClaims() {
        return additionalClaims;
    }

    public TokenResponse setAdditionalClaims(String additionalClaims) {
        this.additionalClaims = additionalClaims;
        return this;
    }

    public String getDeviceSecret() {
        return deviceSecret;
    }

    public TokenResponse setDeviceSecret(String deviceSecret) {
        this.deviceSecret = deviceSecret;
        return this;
    }

    public String getDeviceSecretHash() {
        return deviceSecretHash;
    }

    public TokenResponse setDeviceSecretHash(String deviceSecretHash) {
        this.deviceSecretHash = deviceSecretHash;
        return this;
    }

    public String getAttestationChallenge() {
        return attestationChallenge;
    }

    public TokenResponse setAttestationChallenge(String attestationChallenge) {
        this.attestationChallenge = attestationChallenge;
        return this;
    }

    /** What the authorization server should do next. */
    public enum Action {
        INVALID_CLIENT,
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        PASSWORD,
        OK,
        TOKEN_EXCHANGE,
        JWT_BEARER,
        ID_TOKEN_REISSUABLE,
        NATIVE_SSO
    }
}
