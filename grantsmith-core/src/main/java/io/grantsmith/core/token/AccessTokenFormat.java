package io.grantsmith.core.token;

/**
 * How the value of a new access token is made (Spring AS's {@code OAuth2TokenGenerator}): opaque today
 * ({@link OpaqueAccessTokens}), a signed JWT next. Grant code never builds access token values itself, so the
 * format is swapped in one place ({@code TokenEngineBuilder.accessTokenFormat}). A caller-chosen value
 * ({@code accessToken} in an Authlete request) bypasses the format.
 */
@FunctionalInterface
public interface AccessTokenFormat {
    /**
     * The value of a new access token with {@code contents}. The value's row key must be fresh from
     * {@code values} (stores key rows by it); a value whose key is taken is refused by the store and a new one is
     * asked for.
     */
    TokenValue mint(AccessTokenContents contents, TokenValues values);
}
