package io.grantsmith.core.result;

import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenProperty;
import java.util.List;
import java.util.Objects;

/**
 * Tokens issued by a successful request.
 *
 * @param tokenType                the {@code token_type}, e.g. {@code Bearer}
 * @param refreshToken             the refresh token, or null when none was issued
 * @param subject                  the resource owner, or null (client_credentials)
 * @param scopes                   the scopes of the access token
 * @param refreshTokenScopes       the scopes of the refresh token, or null when none was issued
 * @param resources                the {@code resource} parameters of this request (RFC 8707)
 * @param accessTokenResources     the audience of the access token
 * @param previousRefreshTokenUsed whether this answers a retry with an already rotated refresh token
 * @param idToken                  the ID token issued with the tokens (OpenID Connect), or null
 * @param requestedIdTokenClaims   the names of the claims the authorization request's {@code claims} parameter
 *                                 asked for in ID tokens ({@code claims.id_token}), or null when it asked none
 */
public record Issuance(
        String tokenType,
        IssuedToken accessToken,
        IssuedToken refreshToken,
        String subject,
        Scopes scopes,
        Scopes refreshTokenScopes,
        List<String> resources,
        List<String> accessTokenResources,
        List<TokenProperty> properties,
        boolean previousRefreshTokenUsed,
        String idToken,
        List<String> requestedIdTokenClaims) {

    public Issuance {
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(scopes, "scopes");
        resources = List.copyOf(resources);
        accessTokenResources = List.copyOf(accessTokenResources);
        properties = List.copyOf(properties);
        requestedIdTokenClaims = requestedIdTokenClaims == null ? null : List.copyOf(requestedIdTokenClaims);
    }

    /** Tokens with an ID token (or null) and no claims request. */
    public Issuance(String tokenType, IssuedToken accessToken, IssuedToken refreshToken, String subject,
            Scopes scopes, Scopes refreshTokenScopes, List<String> resources, List<String> accessTokenResources,
            List<TokenProperty> properties, boolean previousRefreshTokenUsed, String idToken) {
        this(tokenType, accessToken, refreshToken, subject, scopes, refreshTokenScopes, resources,
                accessTokenResources, properties, previousRefreshTokenUsed, idToken, null);
    }

    /** Tokens without an ID token: every grant but an OpenID Connect one. */
    public Issuance(String tokenType, IssuedToken accessToken, IssuedToken refreshToken, String subject,
            Scopes scopes, Scopes refreshTokenScopes, List<String> resources, List<String> accessTokenResources,
            List<TokenProperty> properties, boolean previousRefreshTokenUsed) {
        this(tokenType, accessToken, refreshToken, subject, scopes, refreshTokenScopes, resources,
                accessTokenResources, properties, previousRefreshTokenUsed, null);
    }

    /** The same tokens with an ID token. */
    public Issuance withIdToken(String value) {
        return new Issuance(tokenType, accessToken, refreshToken, subject, scopes, refreshTokenScopes, resources,
                accessTokenResources, properties, previousRefreshTokenUsed, value, requestedIdTokenClaims);
    }

    /** The same tokens with the names of the claims requested for ID tokens (null: none were requested). */
    public Issuance withRequestedIdTokenClaims(List<String> names) {
        return new Issuance(tokenType, accessToken, refreshToken, subject, scopes, refreshTokenScopes, resources,
                accessTokenResources, properties, previousRefreshTokenUsed, idToken, names);
    }
}
