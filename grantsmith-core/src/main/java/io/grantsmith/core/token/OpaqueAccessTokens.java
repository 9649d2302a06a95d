package io.grantsmith.core.token;

/** Opaque access tokens of {@link TokenFormat}: a row key and 256 random bits, carrying nothing else. */
public final class OpaqueAccessTokens implements AccessTokenFormat {
    public static final OpaqueAccessTokens INSTANCE = new OpaqueAccessTokens();

    private OpaqueAccessTokens() {
    }

    @Override
    public TokenValue mint(AccessTokenContents contents, TokenValues values) {
        return values.newToken();
    }
}
