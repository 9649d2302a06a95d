package io.grantsmith.api.dto;

import io.grantsmith.api.types.ApplicationType;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.JWEAlg;
import io.grantsmith.api.types.JWEEnc;
import io.grantsmith.api.types.JWSAlg;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.api.types.SubjectType;

/**
 * A client application, in Authlete's {@code Client} JSON shape. This class holds the fields that
 * Grantsmith acts on or that the authorization code flow and OpenID Connect read; the management API stores and
 * returns every other member it is given as is.
 */
public final class Client {
    private int number;
    private int serviceNumber;
    private String developer;
    private long clientId;
    private String clientIdAlias;
    private boolean clientIdAliasEnabled;
    private String clientSecret;
    private ClientType clientType;
    private String clientName;
    private String description;
    private String[] redirectUris;
    private GrantType[] grantTypes;
    private ClientAuthMethod tokenAuthMethod;
    private Pair[] attributes;
    private ClientExtension extension;
    private boolean locked;
    private boolean tlsClientCertificateBoundAccessTokens;
    private boolean dpopRequired;
    private boolean singleAccessTokenPerSubject;
    private long createdAt;
    private long modifiedAt;

    // what the authorization code flow and OpenID Connect read
    private ResponseType[] responseTypes;
    private ApplicationType applicationType;
    private String[] contacts;
    private TaggedValue[] clientNames;
    private String logoUri;
    private TaggedValue[] logoUris;
    private String clientUri;
    private TaggedValue[] clientUris;
    private String policyUri;
    private TaggedValue[] policyUris;
    private String tosUri;
    private TaggedValue[] tosUris;
    private String jwksUri;
    /** The client's JWK Set as a JSON string. */
    private String jwks;
    /** The host of the sector identifier URI, or of the only redirect URI. */
    private String derivedSectorIdentifier;
    private String sectorIdentifierUri;
    private SubjectType subjectType;
    private JWSAlg idTokenSignAlg;
    private JWEAlg idTokenEncryptionAlg;
    private JWEEnc idTokenEncryptionEnc;
    private JWSAlg userInfoSignAlg;
    private JWEAlg userInfoEncryptionAlg;
    private JWEEnc userInfoEncryptionEnc;
    private JWSAlg requestSignAlg;
    private JWEAlg requestEncryptionAlg;
    private JWEEnc requestEncryptionEnc;
    private JWSAlg tokenAuthSignAlg;
    /** Seconds; used as {@code max_age} when a request has none. 0 means none. */
    private int defaultMaxAge;
    private String[] defaultAcrs;
    private boolean authTimeRequired;
    private String loginUri;
    private String[] requestUris;
    private TaggedValue[] descriptions;
    private JWSAlg authorizationSignAlg;
    private JWEAlg authorizationEncryptionAlg;
    private JWEEnc authorizationEncryptionEnc;
    private String[] authorizationDetailsTypes;
    private boolean parRequired;
    private boolean requestObjectRequired;
    private boolean frontChannelRequestObjectEncryptionRequired;
    private boolean requestObjectEncryptionAlgMatchRequired;
    private boolean requestObjectEncryptionEncMatchRequired;
    private boolean pkceRequired;
    private boolean pkceS256Required;
    private ResponseMode[] responseModes;
    private String entityId;
    private String metadataDocumentLocation;
    /** Newer than Authlete's Java library 4.33. */
    private String backchannelLogoutUri;
    /** Newer than Authlete's Java library 4.33. */
    private boolean backchannelLogoutSessionRequired;
    public int getNumber() {
        return number;
    }

    public Client setNumber(int number) {
        this.number = number;
        return this;
    }

    public int getServiceNumber() {
        return serviceNumber;
    }

    public Client setServiceNumber(int serviceNumber) {
        this.serviceNumber = serviceNumber;
        return this;
    }

    public String getDeveloper() {
        return developer;
    }

    public Client setDeveloper(String developer) {
        this.developer = developer;
        return this;
    }

    public long getClientId() {
        return clientId;
    }

    public Client setClientId(long clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getClientIdAlias() {
        return clientIdAlias;
    }

    public Client setClientIdAlias(String clientIdAlias) {
        this.clientIdAlias = clientIdAlias;
        return this;
    }

    public boolean isClientIdAliasEnabled() {
        return clientIdAliasEnabled;
    }

    public Client setClientIdAliasEnabled(boolean clientIdAliasEnabled) {
        this.clientIdAliasEnabled = clientIdAliasEnabled;
        return this;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public Client setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    public ClientType getClientType() {
        return clientType;
    }

    public Client setClientType(ClientType clientType) {
        this.clientType = clientType;
        return this;
    }

    public String getClientName() {
        return clientName;
    }

    public Client setClientName(String clientName) {
        this.clientName = clientName;
        return this;
    }

    public String getDescription() {
        return description;
    }

    public Client setDescription(String description) {
        this.description = description;
        return this;
    }

    public String[] getRedirectUris() {
        return redirectUris;
    }

    public Client setRedirectUris(String[] redirectUris) {
        this.redirectUris = redirectUris;
        return this;
    }

    public GrantType[] getGrantTypes() {
        return grantTypes;
    }

    public Client setGrantTypes(GrantType[] grantTypes) {
        this.grantTypes = grantTypes;
        return this;
    }

    public ClientAuthMethod getTokenAuthMethod() {
        return tokenAuthMethod;
    }

    public Client setTokenAuthMethod(ClientAuthMethod tokenAuthMethod) {
        this.tokenAuthMethod = tokenAuthMethod;
        return this;
    }

    public Pair[] getAttributes() {
        return attributes;
    }

    public Client setAttributes(Pair[] attributes) {
        this.attributes = attributes;
        return this;
    }

    public ClientExtension getExtension() {
        return extension;
    }

    public Client setExtension(ClientExtension extension) {
        this.extension = extension;
        return this;
    }

    public boolean isLocked() {
        return locked;
    }

    public Client setLocked(boolean locked) {
        this.locked = locked;
        return this;
    }

    public boolean isTlsClientCertificateBoundAccessTokens() {
        return tlsClientCertificateBoundAccessTokens;
    }

    public Client setTlsClientCertificateBoundAccessTokens(boolean tlsClientCertificateBoundAccessTokens) {
        this.tlsClientCertificateBoundAccessTokens = tlsClientCertificateBoundAccessTokens;
        return this;
    }

    public boolean isDpopRequired() {
        return dpopRequired;
    }

    public Client setDpopRequired(boolean dpopRequired) {
        this.dpopRequired = dpopRequired;
        return this;
    }

    public boolean isSingleAccessTokenPerSubject() {
        return singleAccessTokenPerSubject;
    }

    public Client setSingleAccessTokenPerSubject(boolean singleAccessTokenPerSubject) {
        this.singleAccessTokenPerSubject = singleAccessTokenPerSubject;
        return this;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Client setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public long getModifiedAt() {
        return modifiedAt;
    }

    public Client setModifiedAt(long modifiedAt) {
        this.modifiedAt = modifiedAt;
        return this;
    }

    public ResponseType[] getResponseTypes() {
        return responseTypes;
    }

    public Client setResponseTypes(ResponseType[] responseTypes) {
        this.responseTypes = responseTypes;
        return this;
    }

    public ApplicationType getApplicationType() {
        return applicationType;
    }

    public Client setApplicationType(ApplicationType applicationType) {
        this.applicationType = applicationType;
        return this;
    }

    public String[] getContacts() {
        return contacts;
    }

    public Client setContacts(String[] contacts) {
        this.contacts = contacts;
        return this;
    }

    public TaggedValue[] getClientNames() {
        return clientNames;
    }

    public Client setClientNames(TaggedValue[] clientNames) {
        this.clientNames = clientNames;
        return this;
    }

    public String getLogoUri() {
        return logoUri;
    }

    public Client setLogoUri(String logoUri) {
        this.logoUri = logoUri;
        return this;
    }

    public TaggedValue[] getLogoUris() {
        return logoUris;
    }

    public Client setLogoUris(TaggedValue[] logoUris) {
        this.logoUris = logoUris;
        return this;
    }

    public String getClientUri() {
        return clientUri;
    }

    public Client setClientUri(String clientUri) {
        this.clientUri = clientUri;
        return this;
    }

    public TaggedValue[] getClientUris() {
        return clientUris;
    }

    public Client setClientUris(TaggedValue[] clientUris) {
        this.clientUris = clientUris;
        return this;
    }

    public String getPolicyUri() {
        return policyUri;
    }

    public Client setPolicyUri(String policyUri) {
        this.policyUri = policyUri;
        return this;
    }

    public TaggedValue[] getPolicyUris() {
        return policyUris;
    }

    public Client setPolicyUris(TaggedValue[] policyUris) {
        this.policyUris = policyUris;
        return this;
    }

    public String getTosUri() {
        return tosUri;
    }

    public Client setTosUri(String tosUri) {
        this.tosUri = tosUri;
        return this;
    }

    public TaggedValue[] getTosUris() {
        return tosUris;
    }

    public Client setTosUris(TaggedValue[] tosUris) {
        this.tosUris = tosUris;
        return this;
    }

    public String getJwksUri() {
        return jwksUri;
    }

    public Client setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
        return this;
    }

    public String getJwks() {
        return jwks;
    }

    public Client setJwks(String jwks) {
        this.jwks = jwks;
        return this;
    }

    public String getDerivedSectorIdentifier() {
        return derivedSectorIdentifier;
    }

    public Client setDerivedSectorIdentifier(String derivedSectorIdentifier) {
        this.derivedSectorIdentifier = derivedSectorIdentifier;
        return this;
    }

    public String getSectorIdentifierUri() {
        return sectorIdentifierUri;
    }

    public Client setSectorIdentifierUri(String sectorIdentifierUri) {
        this.sectorIdentifierUri = sectorIdentifierUri;
        return this;
    }

    public SubjectType getSubjectType() {
        return subjectType;
    }

    public Client setSubjectType(SubjectType subjectType) {
        this.subjectType = subjectType;
        return this;
    }

    public JWSAlg getIdTokenSignAlg() {
        return idTokenSignAlg;
    }

    public Client setIdTokenSignAlg(JWSAlg idTokenSignAlg) {
        this.idTokenSignAlg = idTokenSignAlg;
        return this;
    }

    public JWEAlg getIdTokenEncryptionAlg() {
        return idTokenEncryptionAlg;
    }

    public Client setIdTokenEncryptionAlg(JWEAlg idTokenEncryptionAlg) {
        this.idTokenEncryptionAlg = idTokenEncryptionAlg;
        return this;
    }

    public JWEEnc getIdTokenEncryptionEnc() {
        return idTokenEncryptionEnc;
    }

    public Client setIdTokenEncryptionEnc(JWEEnc idTokenEncryptionEnc) {
        this.idTokenEncryptionEnc = idTokenEncryptionEnc;
        return this;
    }

    public JWSAlg getUserInfoSignAlg() {
        return userInfoSignAlg;
    }

    public Client setUserInfoSignAlg(JWSAlg userInfoSignAlg) {
        this.userInfoSignAlg = userInfoSignAlg;
        return this;
    }

    public JWEAlg getUserInfoEncryptionAlg() {
        return userInfoEncryptionAlg;
    }

    public Client setUserInfoEncryptionAlg(JWEAlg userInfoEncryptionAlg) {
        this.userInfoEncryptionAlg = userInfoEncryptionAlg;
        return this;
    }

    public JWEEnc getUserInfoEncryptionEnc() {
        return userInfoEncryptionEnc;
    }

    public Client setUserInfoEncryptionEnc(JWEEnc userInfoEncryptionEnc) {
        this.userInfoEncryptionEnc = userInfoEncryptionEnc;
        return this;
    }

    public JWSAlg getRequestSignAlg() {
        return requestSignAlg;
    }

    public Client setRequestSignAlg(JWSAlg requestSignAlg) {
        this.requestSignAlg = requestSignAlg;
        return this;
    }

    public JWEAlg getRequestEncryptionAlg() {
        return requestEncryptionAlg;
    }

    public Client setRequestEncryptionAlg(JWEAlg requestEncryptionAlg) {
        this.requestEncryptionAlg = requestEncryptionAlg;
        return this;
    }

    public JWEEnc getRequestEncryptionEnc() {
        return requestEncryptionEnc;
    }

    public Client setRequestEncryptionEnc(JWEEnc requestEncryptionEnc) {
        this.requestEncryptionEnc = requestEncryptionEnc;
        return this;
    }

    public JWSAlg getTokenAuthSignAlg() {
        return tokenAuthSignAlg;
    }

    public Client setTokenAuthSignAlg(JWSAlg tokenAuthSignAlg) {
        this.tokenAuthSignAlg = tokenAuthSignAlg;
        return this;
    }

    public int getDefaultMaxAge() {
        return defaultMaxAge;
    }

    public Client setDefaultMaxAge(int defaultMaxAge) {
        this.defaultMaxAge = defaultMaxAge;
        return this;
    }

    public String[] getDefaultAcrs() {
        return defaultAcrs;
    }

    public Client setDefaultAcrs(String[] defaultAcrs) {
        this.defaultAcrs = defaultAcrs;
        return this;
    }

    public boolean isAuthTimeRequired() {
        return authTimeRequired;
    }

    public Client setAuthTimeRequired(boolean authTimeRequired) {
        this.authTimeRequired = authTimeRequired;
        return this;
    }

    public String getLoginUri() {
        return loginUri;
    }

    public Client setLoginUri(String loginUri) {
        this.loginUri = loginUri;
        return this;
    }

    public String[] getRequestUris() {
        return requestUris;
    }

    public Client setRequestUris(String[] requestUris) {
        this.requestUris = requestUris;
        return this;
    }

    public TaggedValue[] getDescriptions() {
        return descriptions;
    }

    public Client setDescriptions(TaggedValue[] descriptions) {
        this.descriptions = descriptions;
        return this;
    }

    public JWSAlg getAuthorizationSignAlg() {
        return authorizationSignAlg;
    }

    public Client setAuthorizationSignAlg(JWSAlg authorizationSignAlg) {
        this.authorizationSignAlg = authorizationSignAlg;
        return this;
    }

    public JWEAlg getAuthorizationEncryptionAlg() {
        return authorizationEncryptionAlg;
    }

    public Client setAuthorizationEncryptionAlg(JWEAlg authorizationEncryptionAlg) {
        this.authorizationEncryptionAlg = authorizationEncryptionAlg;
        return this;
    }

    public JWEEnc getAuthorizationEncryptionEnc() {
        return authorizationEncryptionEnc;
    }

    public Client setAuthorizationEncryptionEnc(JWEEnc authorizationEncryptionEnc) {
        this.authorizationEncryptionEnc = authorizationEncryptionEnc;
        return this;
    }

    public String[] getAuthorizationDetailsTypes() {
        return authorizationDetailsTypes;
    }

    public Client setAuthorizationDetailsTypes(String[] authorizationDetailsTypes) {
        this.authorizationDetailsTypes = authorizationDetailsTypes;
        return this;
    }

    public boolean isParRequired() {
        return parRequired;
    }

    public Client setParRequired(boolean parRequired) {
        this.parRequired = parRequired;
        return this;
    }

    public boolean isRequestObjectRequired() {
        return requestObjectRequired;
    }

    public Client setRequestObjectRequired(boolean requestObjectRequired) {
        this.requestObjectRequired = requestObjectRequired;
        return this;
    }

    public boolean isFrontChannelRequestObjectEncryptionRequired() {
        return frontChannelRequestObjectEncryptionRequired;
    }

    public Client setFrontChannelRequestObjectEncryptionRequired(boolean frontChannelRequestObjectEncryptionRequired) {
        this.frontChannelRequestObjectEncryptionRequired = frontChannelRequestObjectEncryptionRequired;
        return this;
    }

    public boolean isRequestObjectEncryptionAlgMatchRequired() {
        return requestObjectEncryptionAlgMatchRequired;
    }

    public Client setRequestObjectEncryptionAlgMatchRequired(boolean requestObjectEncryptionAlgMatchRequired) {
        this.requestObjectEncryptionAlgMatchRequired = requestObjectEncryptionAlgMatchRequired;
        return this;
    }

    public boolean isRequestObjectEncryptionEncMatchRequired() {
        return requestObjectEncryptionEncMatchRequired;
    }

    public Client setRequestObjectEncryptionEncMatchRequired(boolean requestObjectEncryptionEncMatchRequired) {
        this.requestObjectEncryptionEncMatchRequired = requestObjectEncryptionEncMatchRequired;
        return this;
    }

    public boolean isPkceRequired() {
        return pkceRequired;
    }

    public Client setPkceRequired(boolean pkceRequired) {
        this.pkceRequired = pkceRequired;
        return this;
    }

    public boolean isPkceS256Required() {
        return pkceS256Required;
    }

    public Client setPkceS256Required(boolean pkceS256Required) {
        this.pkceS256Required = pkceS256Required;
        return this;
    }

    public ResponseMode[] getResponseModes() {
        return responseModes;
    }

    public Client setResponseModes(ResponseMode[] responseModes) {
        this.responseModes = responseModes;
        return this;
    }

    public String getEntityId() {
        return entityId;
    }

    public Client setEntityId(String entityId) {
        this.entityId = entityId;
        return this;
    }

    public String getMetadataDocumentLocation() {
        return metadataDocumentLocation;
    }

    public Client setMetadataDocumentLocation(String metadataDocumentLocation) {
        this.metadataDocumentLocation = metadataDocumentLocation;
        return this;
    }

    public String getBackchannelLogoutUri() {
        return backchannelLogoutUri;
    }

    public Client setBackchannelLogoutUri(String backchannelLogoutUri) {
        this.backchannelLogoutUri = backchannelLogoutUri;
        return this;
    }

    public boolean isBackchannelLogoutSessionRequired() {
        return backchannelLogoutSessionRequired;
    }

    public Client setBackchannelLogoutSessionRequired(boolean backchannelLogoutSessionRequired) {
        this.backchannelLogoutSessionRequired = backchannelLogoutSessionRequired;
        return this;
    }
}
