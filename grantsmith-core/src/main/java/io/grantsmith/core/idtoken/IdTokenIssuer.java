package io.grantsmith.core.idtoken;

import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.model.Scopes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point for issuing an ID token with a grant: it decides whether the grant gets one, picks the user
 * claims it carries and mints it ({@link IdTokenMinter}). Grant handlers call it once the access token's value is
 * known (for {@code at_hash}), before the response is written.
 *
 * <p>From the token step of the authorization-code flow, with what the grant record holds (the values the
 * authorization server gave {@code /auth/authorization/issue}, or the built-in login):</p>
 * <pre>{@code
 * IdTokenRequest token = IdTokenRequest.builder(service, client, grant.subject())
 *         .clientIdAliasUsed(aliasUsed)
 *         .authTime(grant.authTime()).nonce(grant.nonce()).acr(grant.acr())
 *         .accessToken(accessTokenValue)           // at_hash
 *         .build();
 * Optional<MintedIdToken> idToken = idTokens.issue(token, grant.scopes(), grant.claimsRequest(),
 *         true,                                    // an access token is issued with it
 *         grant.claimValues());                    // the /issue 'claims' values; null: the built-in user's claims
 * // idToken.map(MintedIdToken::value) -> the "id_token" member; IdTokenException -> the refusal (see its result)
 * }</pre>
 *
 * <p>An ID token is issued only when the grant's scopes contain {@code openid} (OpenID Connect Core §3.1.2.1);
 * {@code client_credentials} grants never have it.</p>
 */
public final class IdTokenIssuer {
    private final IdTokenMinter minter;
    private final UserClaimSource users;

    public IdTokenIssuer(IdTokenMinter minter, UserClaimSource users) {
        this.minter = Objects.requireNonNull(minter, "minter");
        this.users = Objects.requireNonNull(users, "users");
    }

    /**
     * @param token             what the token says apart from user claims (those it already has are replaced)
     * @param scopes            the granted scopes
     * @param claims            the authorization request's {@code claims} parameter ({@link ClaimsRequest#NONE})
     * @param accessTokenIssued whether an access token is issued with the ID token (§5.4's shortcut rule)
     * @param claimValues       the values to pick the requested claims from; null to read the user's claims from
     *                          the built-in directory by the token's (non-pairwise) subject
     * @return the ID token; empty when the scopes do not contain {@code openid}
     * @throws IdTokenException when no ID token can be minted for a reason of configuration
     */
    public Optional<MintedIdToken> issue(IdTokenRequest token, Scopes scopes, ClaimsRequest claims,
            boolean accessTokenIssued, Map<String, ?> claimValues) {
        return issue(token, scopes, claims, accessTokenIssued, claimValues, null);
    }

    /**
     * As {@link #issue(IdTokenRequest, Scopes, ClaimsRequest, boolean, Map)}, carrying only the requested claims
     * among {@code consented} (Authlete's {@code consentedClaims}); null for no restriction.
     */
    public Optional<MintedIdToken> issue(IdTokenRequest token, Scopes scopes, ClaimsRequest claims,
            boolean accessTokenIssued, Map<String, ?> claimValues, Collection<String> consented) {
        return issue(token, scopes, claims, accessTokenIssued, claimValues, consented, token.subject());
    }

    /**
     * As {@link #issue(IdTokenRequest, Scopes, ClaimsRequest, boolean, Map, Collection)}, reading the user's
     * claims from the directory by {@code claimsSubject} when {@code claimValues} is null: the user the grant
     * belongs to, which differs from the token's {@code sub} when the authorization server replaced it
     * (Authlete's {@code sub} of {@code /auth/authorization/issue}).
     */
    public Optional<MintedIdToken> issue(IdTokenRequest token, Scopes scopes, ClaimsRequest claims,
            boolean accessTokenIssued, Map<String, ?> claimValues, Collection<String> consented,
            String claimsSubject) {
        if (!scopes.contains("openid")) {
            return Optional.empty();
        }
        List<String> names = RequestedClaims.consented(RequestedClaims.forIdToken(scopes, claims, accessTokenIssued,
                token.service().authorization()), consented);
        Map<String, ?> values = names.isEmpty() ? Map.of()
                : claimValues != null ? claimValues : users.claims(token.service().id(), claimsSubject);
        return Optional.of(minter.mint(token.withClaims(RequestedClaims.select(values, names))));
    }

    /**
     * Mints {@code token} with exactly the user claims it carries, which its caller chose (Authlete's {@code claims}
     * of {@code /idtoken/reissue}: "added to the payload"); the grant must have {@code openid}, checked by the caller.
     *
     * @throws IdTokenException when no ID token can be minted for a reason of configuration
     */
    public MintedIdToken mint(IdTokenRequest token) {
        return minter.mint(token);
    }
}
