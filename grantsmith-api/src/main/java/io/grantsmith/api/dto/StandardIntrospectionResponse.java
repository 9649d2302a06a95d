package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/introspection/standard}: the RFC 7662 body (JSON, or a JWT per RFC 9701).
 */
public final class StandardIntrospectionResponse extends ApiResponse {
    private Action action;
    private String responseContent;

    public Action getAction() {
        return action;
    }

    public StandardIntrospectionResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public StandardIntrospectionResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    /** What the introspection endpoint should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        OK,
        JWT
    }
}
