package io.grantsmith.core.grant;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TokenIssuance} is asked to issue: who the tokens are for, what they carry and the caller's options
 * (a caller-chosen access token value, requested lifetimes). Built with {@link #builder}; every grant fills it
 * the same way, so lifetimes, linking and (later) sender binding are applied in one place.
 */
public final class NewTokens {
    private final Service service;
    private final Client client;
    private final boolean clientIdAliasUsed;
    private final Instant now;
    private final GrantType grantType;
    private final String subject;
    private final Scopes scopes;
    private final List<String> resources;
    private final List<TokenProperty> properties;
    private final String callerChosenAccessToken;
    private final ResultCode accessTokenInvalid;
    private final ResultCode accessTokenInUse;
    private final long requestedAccessTokenSeconds;
    private final long requestedRefreshTokenSeconds;
    private final boolean withRefreshToken;
    private final boolean withGrant;
    private final FamilyId family;
    private final String claims;
    private final Instant authTime;
    private final String acr;
    private final String nonce;
    private final List<String> consentedClaims;

    private NewTokens(Builder b) {
        service = Objects.requireNonNull(b.service, "service");
        client = Objects.requireNonNull(b.client, "client");
        clientIdAliasUsed = b.clientIdAliasUsed;
        now = Objects.requireNonNull(b.now, "now");
        // Stored records name Authlete's grant types: tokens of another extension grant cannot be stored yet.
        grantType = Objects.requireNonNull(b.grantType, "grantType (one Authlete names)");
        subject = b.subject;
        scopes = Objects.requireNonNull(b.scopes, "scopes");
        resources = List.copyOf(b.resources);
        properties = List.copyOf(b.properties);
        callerChosenAccessToken = b.callerChosenAccessToken;
        accessTokenInvalid = b.accessTokenInvalid;
        accessTokenInUse = b.accessTokenInUse;
        if (callerChosenAccessToken != null && (accessTokenInvalid == null || accessTokenInUse == null)) {
            throw new IllegalArgumentException("a caller-chosen access token needs its refusal codes");
        }
        requestedAccessTokenSeconds = b.requestedAccessTokenSeconds;
        requestedRefreshTokenSeconds = b.requestedRefreshTokenSeconds;
        withRefreshToken = b.withRefreshToken;
        withGrant = b.withGrant;
        family = b.family;
        claims = b.claims;
        authTime = b.authTime;
        acr = b.acr;
        nonce = b.nonce;
        consentedClaims = b.consentedClaims;
    }

    /** Tokens of the request in {@code context}: its service, client, time and grant type. */
    public static Builder builder(GrantContext context) {
        return builder(context.service(), context.client(), context.now(), context.grantType())
                .clientIdAliasUsed(context.identity().aliasUsed());
    }

    /**
     * @param grantType the grant that starts the family (kept by refreshes); stored records name Authlete's grant
     *                  types, so a grant type Authlete does not name cannot issue tokens yet
     */
    public static Builder builder(Service service, Client client, Instant now, GrantType grantType) {
        return new Builder(service, client, now, grantType);
    }

    public Service service() { return service; }
    public Client client() { return client; }
    public boolean clientIdAliasUsed() { return clientIdAliasUsed; }
    public Instant now() { return now; }
    public GrantType grantType() { return grantType; }
    public String subject() { return subject; }
    public Scopes scopes() { return scopes; }
    public List<String> resources() { return resources; }
    public List<TokenProperty> properties() { return properties; }
    /** The caller's value for the access token ({@code accessToken} of an Authlete request), or null. */
    public String callerChosenAccessToken() { return callerChosenAccessToken; }
    ResultCode accessTokenInvalid() { return accessTokenInvalid; }
    ResultCode accessTokenInUse() { return accessTokenInUse; }
    public long requestedAccessTokenSeconds() { return requestedAccessTokenSeconds; }
    public long requestedRefreshTokenSeconds() { return requestedRefreshTokenSeconds; }
    public boolean withRefreshToken() { return withRefreshToken; }
    /** Whether the tokens get a grant record even without a refresh token (see {@link Builder#withGrant}). */
    public boolean withGrant() { return withGrant; }
    /** The family an access token of a refresh joins, or null for a new grant. */
    public FamilyId family() { return family; }
    /** The authorization's claims request (JSON), or null; kept on the grant. */
    public String claims() { return claims; }
    /** When the user authenticated, or null; kept on the grant. */
    public Instant authTime() { return authTime; }
    public String acr() { return acr; }
    public String nonce() { return nonce; }
    /** The claims the user consented to share, or null when not said; kept on the grant. */
    public List<String> consentedClaims() { return consentedClaims; }

    @Override
    public String toString() {
        return "NewTokens[service=" + service.id() + ", client=" + client.id() + ", grantType=" + grantType
                + ", scopes=" + scopes + ", withRefreshToken=" + withRefreshToken + "]";
    }

    public static final class Builder {
        private final Service service;
        private final Client client;
        private final Instant now;
        private final GrantType grantType;
        private boolean clientIdAliasUsed;
        private String subject;
        private Scopes scopes = Scopes.empty();
        private List<String> resources = List.of();
        private List<TokenProperty> properties = List.of();
        private String callerChosenAccessToken;
        private ResultCode accessTokenInvalid;
        private ResultCode accessTokenInUse;
        private long requestedAccessTokenSeconds;
        private long requestedRefreshTokenSeconds;
        private boolean withRefreshToken;
        private boolean withGrant;
        private FamilyId family;
        private String claims;
        private Instant authTime;
        private String acr;
        private String nonce;
        private List<String> consentedClaims;

        private Builder(Service service, Client client, Instant now, GrantType grantType) {
            this.service = service;
            this.client = client;
            this.now = now;
            this.grantType = grantType;
        }

        public Builder clientIdAliasUsed(boolean value) { clientIdAliasUsed = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder scopes(Scopes value) { scopes = value; return this; }
        public Builder resources(List<String> value) { resources = value; return this; }
        public Builder properties(List<TokenProperty> value) { properties = value; return this; }

        /**
         * The caller's value for the access token (null or empty: none), refused with {@code invalid} when it is
         * no bearer token and with {@code inUse} when the service already has it.
         */
        public Builder callerChosenAccessToken(String value, ResultCode invalid, ResultCode inUse) {
            callerChosenAccessToken = value == null || value.isEmpty() ? null : value;
            accessTokenInvalid = invalid;
            accessTokenInUse = inUse;
            return this;
        }

        /** Lifetimes the caller asked for, in seconds; 0 or less: the service's, client's and scopes' rule. */
        public Builder requestedLifetimes(long accessTokenSeconds, long refreshTokenSeconds) {
            requestedAccessTokenSeconds = accessTokenSeconds;
            requestedRefreshTokenSeconds = refreshTokenSeconds;
            return this;
        }

        /** Whether a refresh token starts a family with the access token. */
        public Builder withRefreshToken(boolean value) { withRefreshToken = value; return this; }

        /**
         * Whether an access token issued without a refresh token still starts a grant (a family with its record),
         * so that it can be revoked with its grant and its authorization read back: the authorization-code grant.
         */
        public Builder withGrant(boolean value) { withGrant = value; return this; }

        /** The family of the refresh token that an access token is renewed from. */
        public Builder family(FamilyId value) { family = value; return this; }

        /** What the user's authorization said, for the grant record (OpenID Connect). */
        public Builder authentication(String claimsRequest, Instant authenticatedAt, String acrValue,
                String nonceValue) {
            claims = claimsRequest;
            authTime = authenticatedAt;
            acr = acrValue;
            nonce = nonceValue;
            return this;
        }

        /** The claims the user consented to share ({@code /auth/authorization/issue}), for the grant record. */
        public Builder consentedClaims(List<String> value) { consentedClaims = value; return this; }

        public NewTokens build() {
            return new NewTokens(this);
        }
    }
}
