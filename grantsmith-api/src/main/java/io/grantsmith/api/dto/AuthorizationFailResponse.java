package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/authorization/fail}.
 */
public final class AuthorizationFailResponse extends ApiResponse {
    private Action action;
    /** Redirect URL (LOCATION), HTML form (FORM) or error JSON. */
    private String responseContent;

    public Action getAction() {
        return action;
    }

    public AuthorizationFailResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public AuthorizationFailResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    /** What the authorization server should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        LOCATION,
        FORM
    }
}
