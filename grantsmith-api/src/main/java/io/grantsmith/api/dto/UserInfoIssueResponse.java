package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/userinfo/issue}: the userinfo body as JSON or as a JWT, or a {@code WWW-Authenticate}
 * value on the error actions.
 */
public final class UserInfoIssueResponse extends ApiResponse {
    private Action action;
    private String responseContent;
    private String signature;
    private String signatureInput;
    private String contentDigest;

    public Action getAction() {
        return action;
    }

    public UserInfoIssueResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public UserInfoIssueResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public String getSignature() {
        return signature;
    }

    public UserInfoIssueResponse setSignature(String signature) {
        this.signature = signature;
        return this;
    }

    public String getSignatureInput() {
        return signatureInput;
    }

    public UserInfoIssueResponse setSignatureInput(String signatureInput) {
        this.signatureInput = signatureInput;
        return this;
    }

    public String getContentDigest() {
        return contentDigest;
    }

    public UserInfoIssueResponse setContentDigest(String contentDigest) {
        this.contentDigest = contentDigest;
        return this;
    }

    /** What the userinfo endpoint should do next. */
    public enum Action {
        INTERNAL_SERVER_ERROR,
        BAD_REQUEST,
        UNAUTHORIZED,
        FORBIDDEN,
        JSON,
        JWT
    }
}
