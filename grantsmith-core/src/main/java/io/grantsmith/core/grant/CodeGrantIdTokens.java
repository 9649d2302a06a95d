package io.grantsmith.core.grant;

import io.grantsmith.core.model.AuthorizationCode;
import java.util.List;

/**
 * The hook through which the authorization-code grant gets its ID token (OpenID Connect Core §3.1.3.3): called
 * once the access token's value is known (for {@code at_hash}), with the redeemed code, which holds the request
 * ({@code nonce}, {@code claims}, scopes) and the user's approval ({@code subject}, {@code auth_time}, {@code acr},
 * claim values). The facade plugs in the ID-token issuer; an engine without one issues no ID tokens.
 */
@FunctionalInterface
public interface CodeGrantIdTokens {
    /** Issues no ID token. */
    CodeGrantIdTokens NONE = (context, code, accessToken) -> null;

    /**
     * @return the ID token, or null when the grant gets none (no {@code openid} scope)
     * @throws io.grantsmith.core.error.OAuthException when it cannot be minted (the refusal to answer with)
     */
    String idToken(GrantContext context, AuthorizationCode code, String accessToken);

    /**
     * The names of the claims the code's authorization request asked for in ID tokens ({@code claims.id_token}),
     * for the token response's {@code requestedIdTokenClaims}; null when it asked for none.
     */
    default List<String> requestedIdTokenClaims(AuthorizationCode code) {
        return null;
    }
}
