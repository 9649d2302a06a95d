package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/revocation}. {@code attestationChallenge} is newer than Authlete's Java library 4.33.
 */
public final class RevocationResponse extends ApiResponse {
    private Action action;
    /** Error JSON; null on OK unless the request asked for JSONP. */
    private String responseContent;
    /** When not null, send it as {@code OAuth-Client-Attestation-Challenge}. */
    private String attestationChallenge;

    public Action getAction() {
        return action;
    }

    public RevocationResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public RevocationResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public String getAttestationChallenge() {
        return attestationChallenge;
    }

    public RevocationResponse setAttestationChallenge(String attestationChallenge) {
        this.attestationChallenge = attestationChallenge;
        return this;
    }

    /** What the revocation endpoint should do next. */
    public enum Action {
        INVALID_CLIENT,
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        OK
    }
}
