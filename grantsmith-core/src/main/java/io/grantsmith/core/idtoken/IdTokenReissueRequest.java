package io.grantsmith.core.idtoken;

/**
 * What the authorization server sends to {@code /idtoken/reissue} after an {@code ID_TOKEN_REISSUABLE} refresh
 * (Authlete's {@code IDTokenReissueRequest}); every member as given, unchecked.
 *
 * @param accessToken     the access token the refresh issued
 * @param refreshToken    the refresh token the refresh answered with
 * @param sub             the {@code sub} of the new ID token, or null for the grant's subject
 * @param claims          the user claims to add (a JSON object), or null for those the grant asked for, valued
 *                        from the built-in user directory
 * @param idtHeaderParams extra JOSE header members (a JSON object), or null
 * @param idTokenAudType  {@code "array"}, {@code "string"} or null ({@code "array"}, as Authlete's default here)
 */
public record IdTokenReissueRequest(String accessToken, String refreshToken, String sub, String claims,
        String idtHeaderParams, String idTokenAudType) {

    /** A reissue of the ID token for freshly renewed tokens, with the grant's subject and the directory's claims. */
    public static IdTokenReissueRequest of(String accessToken, String refreshToken) {
        return new IdTokenReissueRequest(accessToken, refreshToken, null, null, null, null);
    }

    @Override
    public String toString() {
        return "IdTokenReissueRequest[sub=" + sub + ", idTokenAudType=" + idTokenAudType + "]";
    }
}
