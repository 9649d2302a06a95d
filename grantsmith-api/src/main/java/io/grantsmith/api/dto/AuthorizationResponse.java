package io.grantsmith.api.dto;

import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.GMAction;
import io.grantsmith.api.types.Prompt;

/**
 * Response from {@code /auth/authorization}. Every field of Authlete's {@code AuthorizationResponse}; the
 * {@code action} says what the authorization server does next, and {@code ticket} is the input to
 * {@code /auth/authorization/issue} or {@code /fail}. Claim names may carry {@code #lang} tags.
 */
public final class AuthorizationResponse extends ApiResponse {
    private Action action;
    private Service service;
    private Client client;
    /** The {@code display} parameter, {@code PAGE} when absent. */
    private Display display;
    /** {@code max_age}, or the client's {@code defaultMaxAge}; 0 means no constraint. */
    private int maxAge;
    /** The requested scopes the service supports, or its default scopes when none was requested. */
    private Scope[] scopes;
    private DynamicScope[] dynamicScopes;
    private String[] uiLocales;
    private String[] claimsLocales;
    /** Names of the claims the ID token should carry. */
    private String[] claims;
    /** Names of the claims the userinfo endpoint should return. */
    private String[] claimsAtUserInfo;
    private boolean acrEssential;
    private boolean clientIdAliasUsed;
    private boolean clientEntityIdUsed;
    private boolean metadataDocumentUsed;
    private String[] acrs;
    /** The {@code sub} value the {@code claims} parameter requires, if any. */
    private String subject;
    private String loginHint;
    /** Deprecated by Authlete in favour of {@code prompts}. */
    private Prompt lowestPrompt;
    private Prompt[] prompts;
    /** A JSON object, as a string. */
    private String requestObjectPayload;
    /** The {@code id_token} member of the {@code claims} parameter, as a JSON string. */
    private String idTokenClaims;
    /** The {@code userinfo} member of the {@code claims} parameter, as a JSON string. */
    private String userInfoClaims;
    /** A JSON object, as a string. */
    private String transformedClaims;
    private String[] resources;
    private AuthzDetails authorizationDetails;
    private String purpose;
    private GMAction gmAction;
    private String grantId;
    private String grantSubject;
    private Grant grant;
    private String[] requestedClaimsForTx;
    private StringArray[] requestedVerifiedClaimsForTx;
    private CredentialOfferInfo credentialOfferInfo;
    /** A JSON array, as a string. */
    private String issuableCredentials;
    /** When true, {@code /auth/authorization/issue} must be given a {@code sessionId}. */
    private boolean nativeSsoRequested;
    /** Error JSON, redirect URL (LOCATION) or HTML form (FORM); null for INTERACTION and NO_INTERACTION. */
    private String responseContent;
    private String ticket;

    public Action getAction() {
        return action;
    }

    public AuthorizationResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public Service getService() {
        return service;
    }

    public AuthorizationResponse setService(Service service) {
        this.service = service;
        return this;
    }

    public Client getClient() {
        return client;
    }

    public AuthorizationResponse setClient(Client client) {
        this.client = client;
        return this;
    }

    public Display getDisplay() {
        return display;
    }

    public AuthorizationResponse setDisplay(Display display) {
        this.display = display;
        return this;
    }

    public int getMaxAge() {
        return maxAge;
    }

    public AuthorizationResponse setMaxAge(int maxAge) {
        this.maxAge = maxAge;
        return this;
    }

    public Scope[] getScopes() {
        return scopes;
    }

    public AuthorizationResponse setScopes(Scope[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public DynamicScope[] getDynamicScopes() {
        return dynamicScopes;
    }

    public AuthorizationResponse setDynamicScopes(DynamicScope[] dynamicScopes) {
        this.dynamicScopes = dynamicScopes;
        return this;
    }

    public String[] getUiLocales() {
        return uiLocales;
    }

    public AuthorizationResponse setUiLocales(String[] uiLocales) {
        this.uiLocales = uiLocales;
        return this;
    }

    public String[] getClaimsLocales() {
        return claimsLocales;
    }

    public AuthorizationResponse setClaimsLocales(String[] claimsLocales) {
        this.claimsLocales = claimsLocales;
        return this;
    }

    public String[] getClaims() {
        return claims;
    }

    public AuthorizationResponse setClaims(String[] claims) {
        this.claims = claims;
        return this;
    }

    public String[] getClaimsAtUserInfo() {
        return claimsAtUserInfo;
    }

    public AuthorizationResponse setClaimsAtUserInfo(String[] claimsAtUserInfo) {
        this.claimsAtUserInfo = claimsAtUserInfo;
        return this;
    }

    public boolean isAcrEssential() {
        return acrEssential;
    }

    public AuthorizationResponse setAcrEssential(boolean acrEssential) {
        this.acrEssential = acrEssential;
        return this;
    }

    public boolean isClientIdAliasUsed() {
        return clientIdAliasUsed;
    }

    public AuthorizationResponse setClientIdAliasUsed(boolean clientIdAliasUsed) {
        this.clientIdAliasUsed = clientIdAliasUsed;
        return this;
    }

    public boolean isClientEntityIdUsed() {
        return clientEntityIdUsed;
    }

    public AuthorizationResponse setClientEntityIdUsed(boolean clientEntityIdUsed) {
        this.clientEntityIdUsed = clientEntityIdUsed;
        return this;
    }

    public boolean isMetadataDocumentUsed() {
        return metadataDocumentUsed;
    }

    public AuthorizationResponse setMetadataDocumentUsed(boolean metadataDocumentUsed) {
        this.metadataDocumentUsed = metadataDocumentUsed;
        return this;
    }

    public String[] getAcrs() {
        return acrs;
    }

    public AuthorizationResponse setAcrs(String[] acrs) {
        this.acrs = acrs;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public AuthorizationResponse setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String getLoginHint() {
        return loginHint;
    }

    public AuthorizationResponse setLoginHint(String loginHint) {
        this.loginHint = loginHint;
        return this;
    }

    public Prompt getLowestPrompt() {
        return lowestPrompt;
    }

    public AuthorizationResponse setLowestPrompt(Prompt lowestPrompt) {
        this.lowestPrompt = lowestPrompt;
        return this;
    }

    public Prompt[] getPrompts() {
        return prompts;
    }

    public AuthorizationResponse setPrompts(Prompt[] prompts) {
        this.prompts = prompts;
        return this;
    }

    public String getRequestObjectPayload() {
        return requestObjectPayload;
    }

    public AuthorizationResponse setRequestObjectPayload(String requestObjectPayload) {
        this.requestObjectPayload = requestObjectPayload;
        return this;
    }

    public String getIdTokenClaims() {
        return idTokenClaims;
    }

    public AuthorizationResponse setIdTokenClaims(String idTokenClaims) {
        this.idTokenClaims = idTokenClaims;
        return this;
    }

    public String getUserInfoClaims() {
        return userInfoClaims;
    }

    public AuthorizationResponse setUserInfoClaims(String userInfoClaims) {
        this.userInfoClaims = userInfoClaims;
        return this;
    }

    public String getTransformedClaims() {
        return transformedClaims;
    }

    public AuthorizationResponse setTransformedClaims(String transformedClaims) {
        this.transformedClaims = transformedClaims;
        return this;
    }

    public String[] getResources() {
        return resources;
    }

    public AuthorizationResponse setResources(String[] resources) {
        this.resources = resources;
        return this;
    }

    public AuthzDetails getAuthorizationDetails() {
        return authorizationDetails;
    }

    public AuthorizationResponse setAuthorizationDetails(AuthzDetails authorizationDetails) {
        this.authorizationDetails = authorizationDetails;
        return this;
    }

    public String getPurpose() {
        return purpose;
    }

    public AuthorizationResponse setPurpose(String purpose) {
        this.purpose = purpose;
        return this;
    }

    public GMAction getGmAction() {
        return gmAction;
    }

    public AuthorizationResponse setGmAction(GMAction gmAction) {
        this.gmAction = gmAction;
        return this;
    }

    public String getGrantId() {
        return grantId;
    }

    public AuthorizationResponse setGrantId(String grantId) {
        this.grantId = grantId;
        return this;
    }

    public String getGrantSubject() {
        return grantSubject;
    }

    public AuthorizationResponse setGrantSubject(String grantSubject) {
        this.grantSubject = grantSubject;
        return this;
    }

    public Grant getGrant() {
        return grant;
    }

    public AuthorizationResponse setGrant(Grant grant) {
        this.grant = grant;
        return this;
    }

    public String[] getRequestedClaimsForTx() {
        return requestedClaimsForTx;
    }

    public AuthorizationResponse setRequestedClaimsForTx(String[] requestedClaimsForTx) {
        this.requestedClaimsForTx = requestedClaimsForTx;
        return this;
    }

    public StringArray[] getRequestedVerifiedClaimsForTx() {
        return requestedVerifiedClaimsForTx;
    }

    public AuthorizationResponse setRequestedVerifiedClaimsForTx(StringArray[] requestedVerifiedClaimsForTx) {
        this.requestedVerifiedClaimsForTx = requestedVerifiedClaimsForTx;
        return this;
    }

    public CredentialOfferInfo getCredentialOfferInfo() {
        return credentialOfferInfo;
    }

    public AuthorizationResponse setCredentialOfferInfo(CredentialOfferInfo credentialOfferInfo) {
        this.credentialOfferInfo = credentialOfferInfo;
        return this;
    }

    public String getIssuableCredentials() {
        return issuableCredentials;
    }

    public AuthorizationResponse setIssuableCredentials(String issuableCredentials) {
        this.issuableCredentials = issuableCredentials;
        return this;
    }

    public boolean isNativeSsoRequested() {
        return nativeSsoRequested;
    }

    public AuthorizationResponse setNativeSsoRequested(boolean nativeSsoRequested) {
        this.nativeSsoRequested = nativeSsoRequested;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public AuthorizationResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public String getTicket() {
        return ticket;
    }

    public AuthorizationResponse setTicket(String ticket) {
        this.ticket = ticket;
        return this;
    }

    /** What the authorization server should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        LOCATION,
        FORM,
        NO_INTERACTION,
        INTERACTION
    }
}
