package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/userinfo}: the access token presented at the userinfo endpoint, with what is needed to
 * check its sender constraint.
 */
public final class UserInfoRequest {
    private String token;
    private String clientCertificate;
    private String dpop;
    private String htm;
    /** Defaults to the service's {@code userInfoEndpoint}. */
    private String htu;
    /** Deprecated by Authlete in favour of {@code targetUri}. */
    private String uri;
    private String targetUri;
    private Pair[] headers;
    /** Deprecated by Authlete in favour of {@code requestBodyContained}. */
    private String message;
    private boolean requestBodyContained;
    private boolean dpopNonceRequired;

    public String getToken() {
        return token;
    }

    public UserInfoRequest setToken(String token) {
        this.token = token;
        return this;
    }

    public String getClientCertificate() {
        return clientCertificate;
    }

    public UserInfoRequest setClientCertificate(String clientCertificate) {
        this.clientCertificate = clientCertificate;
        return this;
    }

    public String getDpop() {
        return dpop;
    }

    public UserInfoRequest setDpop(String dpop) {
        this.dpop = dpop;
        return this;
    }

    public String getHtm() {
        return htm;
    }

    public UserInfoRequest setHtm(String htm) {
        this.htm = htm;
        return this;
    }

    public String getHtu() {
        return htu;
    }

    public UserInfoRequest setHtu(String htu) {
        this.htu = htu;
        return this;
    }

    public String getUri() {
        return uri;
    }

    public UserInfoRequest setUri(String uri) {
        this.uri = uri;
        return this;
    }

    public String getTargetUri() {
        return targetUri;
    }

    public UserInfoRequest setTargetUri(String targetUri) {
        this.targetUri = targetUri;
        return this;
    }

    public Pair[] getHeaders() {
        return headers;
    }

    public UserInfoRequest setHeaders(Pair[] headers) {
        this.headers = headers;
        return this;
    }

    public String getMessage() {
        return message;
    }

    public UserInfoRequest setMessage(String message) {
        this.message = message;
        return this;
    }

    public boolean isRequestBodyContained() {
        return requestBodyContained;
    }

    public UserInfoRequest setRequestBodyContained(boolean requestBodyContained) {
        this.requestBodyContained = requestBodyContained;
        return this;
    }

    public boolean isDpopNonceRequired() {
        return dpopNonceRequired;
    }

    public UserInfoRequest setDpopNonceRequired(boolean dpopNonceRequired) {
        this.dpopNonceRequired = dpopNonceRequired;
        return this;
    }
}
