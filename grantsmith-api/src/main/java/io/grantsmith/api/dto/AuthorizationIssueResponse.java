package io.grantsmith.api.dto;

/**
 * Response from {@code /auth/authorization/issue}. {@code LOCATION} and {@code FORM} carry the redirect (success
 * or error) to send to the user agent. Times are milliseconds since the epoch; durations are seconds.
 */
public final class AuthorizationIssueResponse extends ApiResponse {
    private Action action;
    /** Redirect URL (LOCATION), HTML form (FORM) or error JSON. */
    private String responseContent;
    private String accessToken;
    private long accessTokenExpiresAt;
    private long accessTokenDuration;
    private String idToken;
    private String authorizationCode;
    private String jwtAccessToken;
    private AuthorizationTicketInfo ticketInfo;

    public Action getAction() {
        return action;
    }

    public AuthorizationIssueResponse setAction(Action action) {
        this.action = action;
        return this;
    }

    public String getResponseContent() {
        return responseContent;
    }

    public AuthorizationIssueResponse setResponseContent(String responseContent) {
        this.responseContent = responseContent;
        return this;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public AuthorizationIssueResponse setAccessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    public long getAccessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    public AuthorizationIssueResponse setAccessTokenExpiresAt(long accessTokenExpiresAt) {
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public AuthorizationIssueResponse setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public String getIdToken() {
        return idToken;
    }

    public AuthorizationIssueResponse setIdToken(String idToken) {
        this.idToken = idToken;
        return this;
    }

    public String getAuthorizationCode() {
        return authorizationCode;
    }

    public AuthorizationIssueResponse setAuthorizationCode(String authorizationCode) {
        this.authorizationCode = authorizationCode;
        return this;
    }

    public String getJwtAccessToken() {
        return jwtAccessToken;
    }

    public AuthorizationIssueResponse setJwtAccessToken(String jwtAccessToken) {
        this.jwtAccessToken = jwtAccessToken;
        return this;
    }

    public AuthorizationTicketInfo getTicketInfo() {
        return ticketInfo;
    }

    public AuthorizationIssueResponse setTicketInfo(AuthorizationTicketInfo ticketInfo) {
        this.ticketInfo = ticketInfo;
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
