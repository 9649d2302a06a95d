package io.grantsmith.api.dto;

/**
 * Per-client settings that Authlete keeps apart from the client metadata.
 */
public final class ClientExtension {
    private boolean requestableScopesEnabled;
    private String[] requestableScopes;
    private long accessTokenDuration;
    private long refreshTokenDuration;
    private boolean tokenExchangePermitted;
    private long idTokenDuration;

    public boolean isRequestableScopesEnabled() {
        return requestableScopesEnabled;
    }

    public ClientExtension setRequestableScopesEnabled(boolean requestableScopesEnabled) {
        this.requestableScopesEnabled = requestableScopesEnabled;
        return this;
    }

    public String[] getRequestableScopes() {
        return requestableScopes;
    }

    public ClientExtension setRequestableScopes(String[] requestableScopes) {
        this.requestableScopes = requestableScopes;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public ClientExtension setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public long getRefreshTokenDuration() {
        return refreshTokenDuration;
    }

    public ClientExtension setRefreshTokenDuration(long refreshTokenDuration) {
        this.refreshTokenDuration = refreshTokenDuration;
        return this;
    }

    public boolean isTokenExchangePermitted() {
        return tokenExchangePermitted;
    }

    public ClientExtension setTokenExchangePermitted(boolean tokenExchangePermitted) {
        this.tokenExchangePermitted = tokenExchangePermitted;
        return this;
    }

    public long getIdTokenDuration() {
        return idTokenDuration;
    }

    public ClientExtension setIdTokenDuration(long idTokenDuration) {
        this.idTokenDuration = idTokenDuration;
        return this;
    }
}
