package io.grantsmith.api.dto;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.api.types.GrantType;

/**
 * A client application, in Authlete's {@code Client} JSON shape. This class holds the fields that
 * Grantsmith acts on; the management API stores and returns every other member it is given as is.
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
}
