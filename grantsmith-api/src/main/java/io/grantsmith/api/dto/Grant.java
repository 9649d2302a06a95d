package io.grantsmith.api.dto;

/**
 * What a grant (OAuth Grant Management) covers, as in Authlete's {@code Grant}.
 */
public final class Grant {
    private GrantScope[] scopes;
    private String[] claims;
    private AuthzDetails authorizationDetails;

    public GrantScope[] getScopes() {
        return scopes;
    }

    public Grant setScopes(GrantScope[] scopes) {
        this.scopes = scopes;
        return this;
    }

    public String[] getClaims() {
        return claims;
    }

    public Grant setClaims(String[] claims) {
        this.claims = claims;
        return this;
    }

    public AuthzDetails getAuthorizationDetails() {
        return authorizationDetails;
    }

    public Grant setAuthorizationDetails(AuthzDetails authorizationDetails) {
        this.authorizationDetails = authorizationDetails;
        return this;
    }
}
