package io.grantsmith.api.dto;

/**
 * Response from {@code /idtoken/reissue} (Authlete's {@code IDTokenReissueResponse}): on {@code OK},
 * {@code responseContent} is the token response of the refresh with {@code id_token} added, to send to the client
 * with 200.
 */
public final class IDTokenReissueResponse extends ApiResponse {
    private Action action;
    private String responseContent;
    private String idToken;

    public Action getAction() {
        return action;
    }

    public IDTokenReissueResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public IDTokenReissueResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public String getIdToken() {
        return idToken;
    }

    public IDTokenReissueResponse setIdToken(String idToken) {
        this.idToken = idToken;
        return this;
    }

    /** What the authorization server should do next. */
    public enum Action {
        /** Send {@code responseContent} to the client with 200. */
        OK,
        /** Authlete (here: Grantsmith) failed, or the service cannot sign the ID token: answer 500. */
        INTERNAL_SERVER_ERROR,
        /** The call was wrong (missing or unusable tokens, malformed members): a bug of the caller, answer 500. */
        CALLER_ERROR
    }
}
