package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/introspection}: a resource server of the authorization server asks whether an access
 * token is usable, optionally for given scopes, subject and resources.
 */
public final class IntrospectionRequest {
    private String token;
    /** Scopes the token must cover; null means no check. */
    private String[] scopes;
    /** The subject the token must belong to; null means no check. */
    private String subject;
    private String clientCertificate;
    private String dpop;
    private String htm;
    private String htu;
    private String[] resources;
    /** Deprecated by Authlete in favour of {@code targetUri}. */
    private String uri;
    private String targetUri;
    /** Deprecated by Authlete in favour of {@code requestBodyContained}. */
    private String message;
    private Pair[] headers;
    private boolean requestBodyContained;
    /** Deprecated by Authlete. */
    private String[] requiredComponents;
    private String[] acrValues;
    /** Seconds; 0 or less means no check. */
    private int maxAge;
    private boolean dpopNonceRequired;

    public String getToken() {
        return token;
    }

    public IntrospectionRequest setToken(String token) {
        this.token = token;
        return this;
    }

    public String[] getScopes() {
        return scopes;
    }

    public IntrospectionRequest setScopes(String[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public IntrospectionRequest setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String getClientCertificate() {
        return clientCertificate;
    }

    public IntrospectionRequest setClientCertificate(String clientCertificate) {
        this.clientCertificate = clientCertificate;
        return this;
    }

    public String getDpop() {
        return dpop;
    }

    public IntrospectionRequest setDpop(String dpop) {
        this.dpop = dpop;
        return this;
    }

    public String getHtm() {
        return htm;
    }

    public IntrospectionRequest setHtm(String htm) {
        this.htm = htm;
        return this;
    }

    public String getHtu() {
        return htu;
    }

    public IntrospectionRequest setHtu(String htu) {
        this.htu = htu;
        return this;
    }

    public String[] getResources() {
        return resources;
    }

    public IntrospectionRequest setResources(String[] resources) {
        this.resources = resources;
        return this;
    }

    public String getUri() {
        return uri;
    }

    public IntrospectionRequest setUri(String uri) {
        this.uri = uri;
        return this;
    }

    public String getTargetUri() {
        return targetUri;
    }

    public IntrospectionRequest setTargetUri(String targetUri) {
        this.targetUri = targetUri;
        return this;
    }

    public String getMessage() {
        return message;
    }

    public IntrospectionRequest setMessage(String message) {
        this.message = message;
        return this;
    }

    public Pair[] getHeaders() {
        return headers;
    }

    public IntrospectionRequest setHeaders(Pair[] headers) {
        this.headers = headers;
        return this;
    }

    public boolean isRequestBodyContained() {
        return requestBodyContained;
    }

    public IntrospectionRequest setRequestBodyContained(boolean requestBodyContained) {
        this.requestBodyContained = requestBodyContained;
        return this;
    }

    public String[] getRequiredComponents() {
        return requiredComponents;
    }

    public IntrospectionRequest setRequiredComponents(String[] requiredComponents) {
        this.requiredComponents = requiredComponents;
        return this;
    }

    public String[] getAcrValues() {
        return acrValues;
    }

    public IntrospectionRequest setAcrValues(String[] acrValues) {
        this.acrValues = acrValues;
        return this;
    }

    public int getMaxAge() {
        return maxAge;
    }

    public IntrospectionRequest setMaxAge(int maxAge) {
        this.maxAge = maxAge;
        return this;
    }

    public boolean isDpopNonceRequired() {
        return dpopNonceRequired;
    }

    public IntrospectionRequest setDpopNonceRequired(boolean dpopNonceRequired) {
        this.dpopNonceRequired = dpopNonceRequired;
        return this;
    }
}
