package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/token/issue}: finishes a password grant whose user credentials were valid.
 */
public final class TokenIssueRequest {
    private String ticket;
    private String subject;
    private Property[] properties;
    private String jwtAtClaims;
    private String accessToken;
    private long accessTokenDuration;
    private long refreshTokenDuration;

    public String getTicket() {
        return ticket;
    }

    public TokenIssueRequest setTicket(String ticket) {
        this.ticket = ticket;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public TokenIssueRequest setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public Property[] getProperties() {
        return properties;
    }

    public TokenIssueRequest setProperties(Property[] properties) {
        this.properties = properties;
        return this;
    }

    public String getJwtAtClaims() {
        return jwtAtClaims;
    }

    public TokenIssueRequest setJwtAtClaims(String jwtAtClaims) {
        this.jwtAtClaims = jwtAtClaims;
        return this;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public TokenIssueRequest setAccessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    public long getAccessTokenDuration() {
        return accessTokenDuration;
    }

    public TokenIssueRequest setAccessTokenDuration(long accessTokenDuration) {
        this.accessTokenDuration = accessTokenDuration;
        return this;
    }

    public long getRefreshTokenDuration() {
        return refreshTokenDuration;
    }

    public TokenIssueRequest setRefreshTokenDuration(long refreshTokenDuration) {
        this.refreshTokenDuration = refreshTokenDuration;
        return this;
    }
}
