package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/authorization/issue}: the end-user approved the request identified by {@code ticket};
 * issue the authorization code (and tokens, for implicit and hybrid flows).
 */
public final class AuthorizationIssueRequest {
    private String ticket;
    /** The end-user's identifier, bound to the code and its tokens. */
    private String subject;
    /** The ID token's {@code sub} when it should differ from {@code subject}. */
    private String sub;
    /** Seconds since the epoch; becomes the ID token's {@code auth_time}. */
    private long authTime;
    private String acr;
    /** JSON object of claim values for the ID token. */
    private String claims;
    private Property[] properties;
    /** Replaces the requested scopes when not null (even when empty). */
    private String[] scopes;
    /** JSON object of extra JWS header members for ID tokens. */
    private String idtHeaderParams;
    private AuthzDetails authorizationDetails;
    private String[] consentedClaims;
    /** A JSON object, as a string. */
    private String claimsForTx;
    /** Each a JSON object, as a string. */
    private String[] verifiedClaimsForTx;
    /** A JSON object, as a string. */
    private String jwtAtClaims;
    /** A caller-chosen access token value (response types containing {@code token}). */
    private String accessToken;
    /** {@code "array"} or {@code "string"}: the shape of the ID token's {@code aud}. */
    private String idTokenAudType;
    /** Seconds; used when greater than 0. */
    private long accessTokenDuration;
    /** Becomes {@code sid} in ID tokens; required when the response said {@code nativeSsoRequested}. */
    private String sessionId;

    public String getTicket() {
        return ticket;
    }

    public AuthorizationIssueRequest setTicket(String ticket) {
        this.ticket = ticket;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public AuthorizationIssueRequest setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String getSub() {
        return sub;
    }

    public AuthorizationIssueRequest setSub(String sub) {
        this.sub = sub;
        return this;
    }

    public long getAuthTime() {
        return authTime;
    }

    public AuthorizationIssueRequest setAuthTime(long authTime) {
        this.authTime = authTime;
        return this;
    }

    public String getAcr() {
        return acr;
    }

    public AuthorizationIssueRequest setAcr(String acr) {
        this.acr = acr;
        return this;
    }

    public String getClaims() {
        return claims;
    }

    public AuthorizationIssueRequest setClaims(String claims) {
        this.claims = claims;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public AuthorizationIssueRequest setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String[] getScopes() {
        return scopes;
    }

    public AuthorizationIssueRequest setScopes(String[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public String getIdtHeaderParams() {
        return idtHeaderParams;
    }

    public AuthorizationIssueRequest setIdtHeaderParams(String idtHeaderParams) {
        this.idtHeaderParams = idtHeaderParams;
        return this;
    }

    public AuthzDetails getAuthorizationDetails() {
        return authorizationDetails;
    }

    public AuthorizationIssueRequest setAuthorizationDetails(AuthzDetails authorizationDetails) {
        this.authorizationDetails = authorizationDetails;
        return this;
    }

    public String[] getConsentedClaims() {
        return consentedClaims;
    }

    public AuthorizationIssueRequest setConsentedClaims(String[] consentedClaims) {
        this.consentedClaims = consentedClaims;
        return this;
    }

    public String getClaimsForTx() {
        return claimsForTx;
    }

    public AuthorizationIssueRequest setClaimsForTx(String claimsForTx) {
        this.claimsForTx = claimsForTx;
        return this;
    }

    public String[] getVerifiedClaimsForTx() {
        return verifiedClaimsForTx;
    }

    public AuthorizationIssueRequest setVerifiedClaimsForTx(String[] verifiedClaimsForTx) {
        this.verifiedClaimsForTx = verifiedClaimsForTx;
        return this;
    }

    public String getJwtAtClaims() {
        return jwtAtClaims;
    }

    public AuthorizationIssueRequest setJwtAtClaims(String jwtAtClaims) {
        this.jwtAtClaims = jwtAtClaims;
        return this;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public AuthorizationIssueRequest setAccessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    public String getIdTokenAudType() {
        return idTokenAudType;
    }

    public AuthorizationIssueRequest setIdTokenAudType(String idTokenAudType) {
        this.idTokenAudType = idTokenAudType;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public AuthorizationIssueRequest setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public String getSessionId() {
        return sessionId;
    }

    public AuthorizationIssueRequest setSessionId(String sessionId) {
        this.sessionId = sessionId;
        return this;
    }
}
