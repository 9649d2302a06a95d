package io.grantsmith.api.dto;

/**
 * An OpenID for Verifiable Credential Issuance credential offer, as in Authlete's {@code CredentialOfferInfo}.
 * Times are milliseconds since the epoch, except {@code authTime} (seconds).
 */
public final class CredentialOfferInfo {
    private String identifier;
    /** A JSON object, as a string. */
    private String credentialOffer;
    private String credentialIssuer;
    private String[] credentialConfigurationIds;
    private boolean authorizationCodeGrantIncluded;
    private boolean issuerStateIncluded;
    private String issuerState;
    private boolean preAuthorizedCodeGrantIncluded;
    private String preAuthorizedCode;
    private String subject;
    private long expiresAt;
    private String context;
    private Property[] properties;
    private String jwtAtClaims;
    private long authTime;
    private String acr;
    private String txCode;
    private String txCodeInputMode;
    private String txCodeDescription;

    public String getIdentifier() {
        return identifier;
    }

    public CredentialOfferInfo setIdentifier(String identifier) {
        this.identifier = identifier;
        return this;
    }

    public String getCredentialOffer() {
        return credentialOffer;
    }

    public CredentialOfferInfo setCredentialOffer(String credentialOffer) {
        this.credentialOffer = credentialOffer;
        return this;
    }

    public String getCredentialIssuer() {
        return credentialIssuer;
    }

    public CredentialOfferInfo setCredentialIssuer(String credentialIssuer) {
        this.credentialIssuer = credentialIssuer;
        return this;
    }

    public String[] getCredentialConfigurationIds() {
        return credentialConfigurationIds;
    }

    public CredentialOfferInfo setCredentialConfigurationIds(String[] credentialConfigurationIds) {
        this.credentialConfigurationIds = credentialConfigurationIds;
        return this;
    }

    public boolean isAuthorizationCodeGrantIncluded() {
        return authorizationCodeGrantIncluded;
    }

    public CredentialOfferInfo setAuthorizationCodeGrantIncluded(boolean authorizationCodeGrantIncluded) {
        this.authorizationCodeGrantIncluded = authorizationCodeGrantIncluded;
        return this;
    }

    public boolean isIssuerStateIncluded() {
        return issuerStateIncluded;
    }

    public CredentialOfferInfo setIssuerStateIncluded(boolean issuerStateIncluded) {
        this.issuerStateIncluded = issuerStateIncluded;
        return this;
    }

    public String getIssuerState() {
        return issuerState;
    }

    public CredentialOfferInfo setIssuerState(String issuerState) {
        this.issuerState = issuerState;
        return this;
    }

    public boolean isPreAuthorizedCodeGrantIncluded() {
        return preAuthorizedCodeGrantIncluded;
    }

    public CredentialOfferInfo setPreAuthorizedCodeGrantIncluded(boolean preAuthorizedCodeGrantIncluded) {
        this.preAuthorizedCodeGrantIncluded = preAuthorizedCodeGrantIncluded;
        return this;
    }

    public String getPreAuthorizedCode() {
        return preAuthorizedCode;
    }

    public CredentialOfferInfo setPreAuthorizedCode(String preAuthorizedCode) {
        this.preAuthorizedCode = preAuthorizedCode;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public CredentialOfferInfo setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public CredentialOfferInfo setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public String getContext() {
        return context;
    }

    public CredentialOfferInfo setContext(String context) {
        this.context = context;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public CredentialOfferInfo setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String getJwtAtClaims() {
        return jwtAtClaims;
    }

    public CredentialOfferInfo setJwtAtClaims(String jwtAtClaims) {
        this.jwtAtClaims = jwtAtClaims;
        return this;
    }

    public long getAuthTime() {
        return authTime;
    }

    public CredentialOfferInfo setAuthTime(long authTime) {
        this.authTime = authTime;
        return this;
    }

    public String getAcr() {
        return acr;
    }

    public CredentialOfferInfo setAcr(String acr) {
        this.acr = acr;
        return this;
    }

    public String getTxCode() {
        return txCode;
    }

    public CredentialOfferInfo setTxCode(String txCode) {
        this.txCode = txCode;
        return this;
    }

    public String getTxCodeInputMode() {
        return txCodeInputMode;
    }

    public CredentialOfferInfo setTxCodeInputMode(String txCodeInputMode) {
        this.txCodeInputMode = txCodeInputMode;
        return this;
    }

    public String getTxCodeDescription() {
        return txCodeDescription;
    }

    public CredentialOfferInfo setTxCodeDescription(String txCodeDescription) {
        this.txCodeDescription = txCodeDescription;
        return this;
    }
}
