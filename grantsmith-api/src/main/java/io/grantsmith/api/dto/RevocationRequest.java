package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/revocation}: an RFC 7009 revocation request, forwarded as is, with the client
 * credentials of the {@code Authorization: Basic} header if the client used it.
 */
public final class RevocationRequest {
    /** The form body the revocation endpoint received. */
    private String parameters;
    private String clientId;
    private String clientSecret;
    private String clientCertificate;
    private String[] clientCertificatePath;
    private String oauthClientAttestation;
    private String oauthClientAttestationPop;

    public String getParameters() {
        return parameters;
    }

    public RevocationRequest setParameters(String parameters) {
        this.parameters = parameters;
        return this;
    }

    public String getClientId() {
        return clientId;
    }

    public RevocationRequest setClientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public RevocationRequest setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    public String getClientCertificate() {
        return clientCertificate;
    }

    public RevocationRequest setClientCertificate(String clientCertificate) {
        this.clientCertificate = clientCertificate;
        return this;
    }

    public String[] getClientCertificatePath() {
        return clientCertificatePath;
    }

    public RevocationRequest setClientCertificatePath(String[] clientCertificatePath) {
        this.clientCertificatePath = clientCertificatePath;
        return this;
    }

    public String getOauthClientAttestation() {
        return oauthClientAttestation;
    }

    public RevocationRequest setOauthClientAttestation(String oauthClientAttestation) {
        this.oauthClientAttestation = oauthClientAttestation;
        return this;
    }

    public String getOauthClientAttestationPop() {
        return oauthClientAttestationPop;
    }

    public RevocationRequest setOauthClientAttestationPop(String oauthClientAttestationPop) {
        this.oauthClientAttestationPop = oauthClientAttestationPop;
        return this;
    }
}
