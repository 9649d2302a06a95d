package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/token}: the token request that a client sent to the authorization
 * server's token endpoint, forwarded as is. Field names are Authlete's.
 */
public final class TokenRequest {
    /** The whole form-encoded body that the client sent, e.g. {@code grant_type=client_credentials}. */
    private String parameters;
    /** Client ID from the {@code Authorization: Basic} header, if the client used it. */
    private String clientId;
    /** Client secret from the {@code Authorization: Basic} header, if the client used it. */
    private String clientSecret;
    private String clientCertificate;
    private String[] clientCertificatePath;
    /** Extra properties to attach to the access token (JSON bodies only). */
    private Property[] properties;
    private String dpop;
    private String htm;
    private String htu;
    private String jwtAtClaims;
    /** A caller-chosen access token value, used instead of a generated one. */
    private String accessToken;
    /** Access token lifetime in seconds; used when greater than 0. */
    private long accessTokenDuration;
    /** Refresh token lifetime in seconds; used when greater than 0. */
    private long refreshTokenDuration;
    private boolean dpopNonceRequired;
    private String oauthClientAttestation;
    private String oauthClientAttestationPop;
    private CimdOptions cimdOptions;

    public String getParameters() {
        return parameters;
    }

    public TokenRequest setParameters(String parameters) {
        this.parameters = parameters;
        return this;
    }

    public String getClientId() {
        return clientId;
    }

    public TokenRequest setClientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public TokenRequest setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    public String getClientCertificate() {
        return clientCertificate;
    }

    public TokenRequest setClientCertificate(String clientCertificate) {
        this.clientCertificate = clientCertificate;
        return this;
    }

    public String[] getClientCertificatePath() {
        return clientCertificatePath;
    }

    public TokenRequest setClientCertificatePath(String[] clientCertificatePath) {
        this.clientCertificatePath = clientCertificatePath;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public TokenRequest setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String getDpop() {
        return dpop;
    }

    public TokenRequest setDpop(String dpop) {
        this.dpop = dpop;
        return this;
    }

    public String getHtm() {
        return htm;
    }

    public TokenRequest setHtm(String htm) {
        this.htm = htm;
        return this;
    }

    public String getHtu() {
        return htu;
    }

    public TokenRequest setHtu(String htu) {
        this.htu = htu;
        return this;
    }

    public String getJwtAtClaims() {
        return jwtAtClaims;
    }

    public TokenRequest setJwtAtClaims(String jwtAtClaims) {
        this.jwtAtClaims = jwtAtClaims;
        return this;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public TokenRequest setAccessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public TokenRequest setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public long getRefreshTokenDuration() {
        return refreshTokenDuration;
    }

    public TokenRequest setRefreshTokenDuration(long refreshTokenDuration) {
        this.refreshTokenDuration = refreshTokenDuration;
        return this;
    }

    public boolean isDpopNonceRequired() {
        return dpopNonceRequired;
    }

    public TokenRequest setDpopNonceRequired(boolean dpopNonceRequired) {
        this.dpopNonceRequired = dpopNonceRequired;
        return this;
    }

    public String getOauthClientAttestation() {
        return oauthClientAttestation;
    }

    public TokenRequest setOauthClientAttestation(String oauthClientAttestation) {
        this.oauthClientAttestation = oauthClientAttestation;
        return this;
    }

    public String getOauthClientAttestationPop() {
        return oauthClientAttestationPop;
    }

    public TokenRequest setOauthClientAttestationPop(String oauthClientAttestationPop) {
        this.oauthClientAttestationPop = oauthClientAttestationPop;
        return this;
    }

    public CimdOptions getCimdOptions() {
        return cimdOptions;
    }

    public TokenRequest setCimdOptions(CimdOptions cimdOptions) {
        this.cimdOptions = cimdOptions;
        return this;
    }
}
