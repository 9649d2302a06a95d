package io.grantsmith.core.model;

import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a validated authorization request asked for, in the form it is kept between the steps of the flow: in the
 * authorization ticket from {@code /auth/authorization} until {@code /issue} or {@code /fail}, and then in the
 * authorization code until the token request redeems it. Only plain values: the client is named by its ID and read
 * again when the flow continues, so that a client changed or locked meanwhile is noticed.
 *
 * @param clientId            the client's ID
 * @param clientIdAliasUsed   whether the request named the client by its alias
 * @param redirectUri         where the response goes (already checked against the client's registration)
 * @param redirectUriGiven    whether the request had {@code redirect_uri}; then the token request must repeat it
 *                            (RFC 6749 §4.1.3)
 * @param responseType        the {@code response_type}
 * @param responseMode        {@code query}, {@code fragment} or {@code form_post}
 * @param scopes              the scopes (for a code: the scopes granted, which {@code /issue} may have replaced)
 * @param state               {@code state} to echo, or null
 * @param nonce               {@code nonce} for the ID token, or null
 * @param codeChallenge       the PKCE challenge, or null
 * @param codeChallengeMethod its method; null exactly when there is no challenge
 * @param prompts             the {@code prompt} values
 * @param maxAge              {@code max_age}, else the client's {@code default_max_age}; empty when neither
 * @param acrs                the authentication context classes asked for
 * @param acrEssential        whether the {@code acr} claim was requested as essential
 * @param subject             the subject the {@code claims} parameter asks for, or null
 * @param claims              the {@code claims} parameter as the request sent it (a JSON object), or null
 * @param idTokenClaims       the claim names the ID token should carry
 * @param userInfoClaims      the claim names the userinfo endpoint should return
 * @param claimsLocales       the {@code claims_locales}
 * @param resources           the {@code resource} values (RFC 8707)
 */
public record RequestedAuthorization(
        long clientId,
        boolean clientIdAliasUsed,
        String redirectUri,
        boolean redirectUriGiven,
        ResponseType responseType,
        ResponseMode responseMode,
        Scopes scopes,
        String state,
        String nonce,
        String codeChallenge,
        CodeChallengeMethod codeChallengeMethod,
        List<Prompt> prompts,
        OptionalInt maxAge,
        List<String> acrs,
        boolean acrEssential,
        String subject,
        String claims,
        List<String> idTokenClaims,
        List<String> userInfoClaims,
        List<String> claimsLocales,
        List<String> resources) {

    public RequestedAuthorization {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(responseType, "responseType");
        Objects.requireNonNull(responseMode, "responseMode");
        Objects.requireNonNull(scopes, "scopes");
        if ((codeChallenge == null) != (codeChallengeMethod == null)) {
            throw new IllegalArgumentException("a code challenge and its method come together");
        }
        prompts = List.copyOf(prompts);
        Objects.requireNonNull(maxAge, "maxAge");
        acrs = List.copyOf(acrs);
        idTokenClaims = List.copyOf(idTokenClaims);
        userInfoClaims = List.copyOf(userInfoClaims);
        claimsLocales = List.copyOf(claimsLocales);
        resources = List.copyOf(resources);
    }

    /** The same request with other scopes: {@code /issue} may replace the requested ones. */
    public RequestedAuthorization withScopes(Scopes granted) {
        return toBuilder().scopes(granted).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().clientId(clientId, clientIdAliasUsed).redirectUri(redirectUri, redirectUriGiven)
                .responseType(responseType).responseMode(responseMode).scopes(scopes).state(state).nonce(nonce)
                .codeChallenge(codeChallenge, codeChallengeMethod).prompts(prompts).maxAge(maxAge)
                .acrs(acrs, acrEssential).subject(subject).claims(claims).idTokenClaims(idTokenClaims)
                .userInfoClaims(userInfoClaims).claimsLocales(claimsLocales).resources(resources);
    }

    @Override
    public String toString() {
        // state, nonce and claims may identify a person or a session; keep them out of logs
        return "RequestedAuthorization[client=" + clientId + ", responseType=" + responseType + ", redirectUri="
                + redirectUri + ", scopes=" + scopes + "]";
    }

    /** Builds the record field by field; starts from a {@code code} request by query with nothing else. */
    public static final class Builder {
        private long clientId;
        private boolean clientIdAliasUsed;
        private String redirectUri;
        private boolean redirectUriGiven;
        private ResponseType responseType = ResponseType.CODE;
        private ResponseMode responseMode = ResponseMode.QUERY;
        private Scopes scopes = Scopes.empty();
        private String state;
        private String nonce;
        private String codeChallenge;
        private CodeChallengeMethod codeChallengeMethod;
        private List<Prompt> prompts = List.of();
        private OptionalInt maxAge = OptionalInt.empty();
        private List<String> acrs = List.of();
        private boolean acrEssential;
        private String subject;
        private String claims;
        private List<String> idTokenClaims = List.of();
        private List<String> userInfoClaims = List.of();
        private List<String> claimsLocales = List.of();
        private List<String> resources = List.of();

        private Builder() {
        }

        public Builder clientId(long value, boolean aliasUsed) { clientId = value; clientIdAliasUsed = aliasUsed; return this; }
        public Builder redirectUri(String value, boolean given) { redirectUri = value; redirectUriGiven = given; return this; }
        public Builder responseType(ResponseType value) { responseType = value; return this; }
        public Builder responseMode(ResponseMode value) { responseMode = value; return this; }
        public Builder scopes(Scopes value) { scopes = value; return this; }
        public Builder state(String value) { state = value; return this; }
        public Builder nonce(String value) { nonce = value; return this; }
        public Builder codeChallenge(String value, CodeChallengeMethod method) { codeChallenge = value; codeChallengeMethod = method; return this; }
        public Builder prompts(List<Prompt> value) { prompts = value; return this; }
        public Builder maxAge(OptionalInt value) { maxAge = value; return this; }
        public Builder acrs(List<String> value, boolean essential) { acrs = value; acrEssential = essential; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder claims(String value) { claims = value; return this; }
        public Builder idTokenClaims(List<String> value) { idTokenClaims = value; return this; }
        public Builder userInfoClaims(List<String> value) { userInfoClaims = value; return this; }
        public Builder claimsLocales(List<String> value) { claimsLocales = value; return this; }
        public Builder resources(List<String> value) { resources = value; return this; }

        public RequestedAuthorization build() {
            return new RequestedAuthorization(clientId, clientIdAliasUsed, redirectUri, redirectUriGiven,
                    responseType, responseMode, scopes, state, nonce, codeChallenge, codeChallengeMethod, prompts,
                    maxAge, acrs, acrEssential, subject, claims, idTokenClaims, userInfoClaims, claimsLocales,
                    resources);
        }
    }
}
