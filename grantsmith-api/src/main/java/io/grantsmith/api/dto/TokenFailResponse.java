package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/token/fail}.
 */
public final class TokenFailResponse extends ApiResponse {
    private Action action;
    private String responseContent;

    public Action getAction() {
        return action;
    }

    public TokenFailResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public TokenFailResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    /** What the authorization server should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST
    }
}
