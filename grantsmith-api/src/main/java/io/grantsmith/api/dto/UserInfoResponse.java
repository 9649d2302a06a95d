package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/userinfo}. On {@code OK} the authorization server collects the values of
 * {@code claims} for {@code subject} and calls {@code /auth/userinfo/issue}; on the error actions
 * {@code responseContent} is the {@code WWW-Authenticate} value.
 */
public final class UserInfoResponse extends ApiResponse {
    private Action action;
    private long clientId;
    private String subject;
    private String[] scopes;
    private String[] claims;
    private String token;
    private String responseContent;
    private Property[] properties;
    private String clientIdAlias;
    private boolean clientIdAliasUsed;
    private String clientEntityId;
    private boolean clientEntityIdUsed;
    private String metadataDocumentLocation;
    private boolean metadataDocumentUsed;
    /** A JSON object, as a string. */
    private String userInfoClaims;
    /** A JSON object, as a string. */
    private String transformedClaims;
    private String[] consentedClaims;
    private String[] requestedClaimsForTx;
    private StringArray[] requestedVerifiedClaimsForTx;
    private Pair[] serviceAttributes;
    private Pair[] clientAttributes;
    private String dpopNonce;

    public Action getAction() {
        return action;
    }

    public UserInfoResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public long getClientId() {
        return clientId;
    }

    public UserInfoResponse setClientId(long clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public UserInfoResponse setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String[] getScopes() {
        return scopes;
    }

    public UserInfoResponse setScopes(String[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public String[] getClaims() {
        return claims;
    }

    public UserInfoResponse setClaims(String[] claims) {
        this.claims = claims;
        return this;
    }

    public String getToken() {
        return token;
    }

    public UserInfoResponse setToken(String token) {
        this.token = token;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public UserInfoResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public UserInfoResponse setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String getClientIdAlias() {
        return clientIdAlias;
    }

    public UserInfoResponse setClientIdAlias(String clientIdAlias) {
        this.clientIdAlias = clientIdAlias;
        return this;
    }

    public boolean isClientIdAliasUsed() {
        return clientIdAliasUsed;
    }

    public UserInfoResponse setClientIdAliasUsed(boolean clientIdAliasUsed) {
        this.clientIdAliasUsed = clientIdAliasUsed;
        return this;
    }

    public String getClientEntityId() {
        return clientEntityId;
    }

    public UserInfoResponse setClientEntityId(String clientEntityId) {
        this.clientEntityId = clientEntityId;
        return this;
    }

    public boolean isClientEntityIdUsed() {
        return clientEntityIdUsed;
    }

    public UserInfoResponse setClientEntityIdUsed(boolean clientEntityIdUsed) {
        this.clientEntityIdUsed = clientEntityIdUsed;
        return this;
    }

    public String getMetadataDocumentLocation() {
        return metadataDocumentLocation;
    }

    public UserInfoResponse setMetadataDocumentLocation(String metadataDocumentLocation) {
        this.metadataDocumentLocation = metadataDocumentLocation;
        return this;
    }

    public boolean isMetadataDocumentUsed() {
        return metadataDocumentUsed;
    }

    public UserInfoResponse setMetadataDocumentUsed(boolean metadataDocumentUsed) {
        this.metadataDocumentUsed = metadataDocumentUsed;
        return this;
    }

    public String getUserInfoClaims() {
        return userInfoClaims;
    }

    public UserInfoResponse setUserInfoClaims(String userInfoClaims) {
        this.userInfoClaims = userInfoClaims;
        return this;
    }

    public String getTransformedClaims() {
        return transformedClaims;
    }

    public UserInfoResponse setTransformedClaims(String transformedClaims) {
        this.transformedClaims = transformedClaims;
        return this;
    }

    public String[] getConsentedClaims() {
        return consentedClaims;
    }

    public UserInfoResponse setConsentedClaims(String[] consentedClaims) {
        this.consentedClaims = consentedClaims;
        return this;
    }

    public String[] getRequestedClaimsForTx() {
        return requestedClaimsForTx;
    }

    public UserInfoResponse setRequestedClaimsForTx(String[] requestedClaimsForTx) {
        this.requestedClaimsForTx = requestedClaimsForTx;
        return this;
    }

    public StringArray[] getRequestedVerifiedClaimsForTx() {
        return requestedVerifiedClaimsForTx;
    }

    public UserInfoResponse setRequestedVerifiedClaimsForTx(StringArray[] requestedVerifiedClaimsForTx) {
        this.requestedVerifiedClaimsForTx = requestedVerifiedClaimsForTx;
        return this;
    }

    public Pair[] getServiceAttributes() {
        return serviceAttributes;
    }

    public UserInfoResponse setServiceAttributes(Pair[] serviceAttributes) {
        this.serviceAttributes = serviceAttributes;
        return this;
    }

    public Pair[] getClientAttributes() {
        return clientAttributes;
    }

    public UserInfoResponse setClientAttributes(Pair[] clientAttributes) {
        this.clientAttributes = clientAttributes;
        return this;
    }

    public String getDpopNonce() {
        return dpopNonce;
    }

    public UserInfoResponse setDpopNonce(String dpopNonce) {
        this.dpopNonce = dpopNonce;
        return this;
    }

    /** What the userinfo endpoint should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        UNAUTHORIZED,
        FORBIDDEN,
        OK
    }
}
