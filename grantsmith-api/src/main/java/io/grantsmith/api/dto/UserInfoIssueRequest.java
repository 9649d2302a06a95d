package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/userinfo/issue}: the claim values for the token's subject.
 */
public final class UserInfoIssueRequest {
    private String token;
    /** JSON object of claim values. */
    private String claims;
    /** The {@code sub} to report when it should differ from the token's subject. */
    private String sub;
    /** A JSON object, as a string. */
    private String claimsForTx;
    /** Each a JSON object, as a string. */
    private String[] verifiedClaimsForTx;
    private String requestSignature;
    private Pair[] headers;

    public String getToken() {
        return token;
    }

    public UserInfoIssueRequest setToken(String token) {
        this.token = token;
        return this;
    }

    public String getClaims() {
        return claims;
    }

    public UserInfoIssueRequest setClaims(String claims) {
        this.claims = claims;
        return this;
    }

    public String getSub() {
        return sub;
    }

    public UserInfoIssueRequest setSub(String sub) {
        this.sub = sub;
        return this;
    }

    public String getClaimsForTx() {
        return claimsForTx;
    }

    public UserInfoIssueRequest setClaimsForTx(String claimsForTx) {
        this.claimsForTx = claimsForTx;
        return this;
    }

    public String[] getVerifiedClaimsForTx() {
        return verifiedClaimsForTx;
    }

    public UserInfoIssueRequest setVerifiedClaimsForTx(String[] verifiedClaimsForTx) {
        this.verifiedClaimsForTx = verifiedClaimsForTx;
        return this;
    }

    public String getRequestSignature() {
        return requestSignature;
    }

    public UserInfoIssueRequest setRequestSignature(String requestSignature) {
        this.requestSignature = requestSignature;
        return this;
    }

    public Pair[] getHeaders() {
        return headers;
    }

    public UserInfoIssueRequest setHeaders(Pair[] headers) {
        this.headers = headers;
        return this;
    }
}
