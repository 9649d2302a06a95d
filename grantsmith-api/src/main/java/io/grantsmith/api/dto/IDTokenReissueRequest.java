package io.grantsmith.api.dto;

/**
 * Request to {@code /idtoken/reissue}: after a refresh answered {@code ID_TOKEN_REISSUABLE}, asks for a new ID
 * token for the renewed tokens (Authlete's {@code IDTokenReissueRequest}).
 */
public final class IDTokenReissueRequest {
    private String accessToken;
    private String refreshToken;
    private String sub;
    private String claims;
    private String idtHeaderParams;
    private String idTokenAudType;

    /** the access token of the ID_TOKEN_REISSUABLE response (its jwtAccessToken when it has one) */
    public String getAccessToken() {
        return accessToken;
    }

    public IDTokenReissueRequest setAccessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    /** the refresh token of that response */
    public String getRefreshToken() {
        return refreshToken;
    }

    public IDTokenReissueRequest setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
        return this;
    }

    /** the sub of the new ID token; null for the grant's subject */
    public String getSub() {
        return sub;
    }

    public IDTokenReissueRequest setSub(String sub) {
        this.sub = sub;
        return this;
    }

    /** the values of the user claims to embed, a JSON object; null for the built-in user's */
    public String getClaims() {
        return claims;
    }

    public IDTokenReissueRequest setClaims(String claims) {
        this.claims = claims;
        return this;
    }

    /** extra JOSE header members of the ID token, a JSON object */
    public String getIdtHeaderParams() {
        return idtHeaderParams;
    }

    public IDTokenReissueRequest setIdtHeaderParams(String idtHeaderParams) {
        this.idtHeaderParams = idtHeaderParams;
        return this;
    }

    /** "array" or "string": the shape of aud; "array" when null */
    public String getIdTokenAudType() {
        return idTokenAudType;
    }

    public IDTokenReissueRequest setIdTokenAudType(String idTokenAudType) {
        this.idTokenAudType = idTokenAudType;
        return this;
    }

    @Override
    public String toString() {
        return "IDTokenReissueRequest[sub=" + sub + ", idTokenAudType=" + idTokenAudType + "]";
    }
}
