package io.grantsmith.core.authorization;

import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.result.ClientIdentity;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An authorization request that passed every check: what the rest of the flow (ticket, login and consent page,
 * {@code /auth/authorization/issue}, the code and the ID token) needs, with Authlete's rules already applied
 * (defaults filled in, lists filtered by what the service supports). Immutable.
 *
 * @param client           the client, and whether the request named it by its alias
 * @param redirectUri      where the response goes: the request's {@code redirect_uri}, or the client's only
 *                         registered one when the request had none
 * @param redirectUriGiven whether the request had a {@code redirect_uri} (then the token request must repeat it,
 *                         RFC 6749 §4.1.3)
 * @param responseType     the {@code response_type}
 * @param responseMode     how the response travels: {@code query}, {@code fragment} or {@code form_post}
 *                         (the request's {@code response_mode}, else the response type's default)
 * @param scopes           the scopes: those requested that the service supports and the client may request, else
 *                         the service's default scopes; {@code offline_access} is dropped from an OpenID Connect
 *                         request without {@code prompt=consent} (OpenID Connect Core §11)
 * @param state            {@code state}, to be echoed verbatim, or null
 * @param nonce            {@code nonce}, for the ID token, or null
 * @param codeChallenge    the PKCE challenge, or null when the request had none
 * @param prompts          the {@code prompt} values, without repetitions, in request order; empty when none
 * @param maxAge           the {@code max_age} of the request, else the client's {@code default_max_age}; empty
 *                         when neither applies. Present with 0 when the request said {@code max_age=0}, which
 *                         asks for a fresh authentication (Authlete's {@code maxAge} reports it as 0, "no
 *                         constraint")
 * @param claims           the parsed {@code claims} parameter
 * @param idTokenClaims    the claim names the authorization server must supply for the ID token: from the
 *                         {@code claims} parameter's {@code id_token} member and, unless
 *                         {@code claimShortcutRestrictive} keeps them for userinfo, from the scopes
 *                         {@code profile}, {@code email}, {@code address} and {@code phone} (OpenID Connect Core
 *                         §5.4); without the claims the server sets itself ({@code sub}, {@code acr}, ...); empty
 *                         for a request without {@code openid}
 * @param userInfoClaims   the same for the userinfo endpoint
 * @param acrs             the authentication context classes asked for: from the {@code claims} parameter's
 *                         {@code acr} entry, else {@code acr_values}, else the client's {@code default_acr_values};
 *                         all supported by the service
 * @param acrEssential     whether the {@code acr} entry of the {@code claims} parameter was essential
 * @param subject          the subject the {@code claims} parameter asks for ({@code "sub": {"value": ...}}), or null
 * @param loginHint        {@code login_hint} verbatim, or null
 * @param idTokenHint      {@code id_token_hint} verbatim (not verified here), or null
 * @param uiLocales        the {@code ui_locales} the service supports, in request order
 * @param claimsLocales    the {@code claims_locales}, in request order
 * @param display          the {@code display} value; {@code page} when the request had none
 * @param resources        the {@code resource} values (RFC 8707), without repetitions
 */
public record ValidatedAuthorizationRequest(
        ClientIdentity client,
        String redirectUri,
        boolean redirectUriGiven,
        ResponseType responseType,
        ResponseMode responseMode,
        Scopes scopes,
        String state,
        String nonce,
        CodeChallenge codeChallenge,
        List<Prompt> prompts,
        OptionalInt maxAge,
        ClaimsRequest claims,
        List<String> idTokenClaims,
        List<String> userInfoClaims,
        List<String> acrs,
        boolean acrEssential,
        String subject,
        String loginHint,
        String idTokenHint,
        List<String> uiLocales,
        List<String> claimsLocales,
        Display display,
        List<String> resources) {

    public ValidatedAuthorizationRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(responseType, "responseType");
        Objects.requireNonNull(responseMode, "responseMode");
        Objects.requireNonNull(scopes, "scopes");
        prompts = List.copyOf(prompts);
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(claims, "claims");
        idTokenClaims = List.copyOf(idTokenClaims);
        userInfoClaims = List.copyOf(userInfoClaims);
        acrs = List.copyOf(acrs);
        uiLocales = List.copyOf(uiLocales);
        claimsLocales = List.copyOf(claimsLocales);
        Objects.requireNonNull(display, "display");
        resources = List.copyOf(resources);
    }

    /** Whether this is an OpenID Connect request: its scopes contain {@code openid}. */
    public boolean openid() {
        return scopes.contains("openid");
    }

    /** Whether the request forbids any user interface ({@code prompt=none}): Authlete's {@code NO_INTERACTION}. */
    public boolean noInteraction() {
        return prompts.contains(Prompt.NONE);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        // login_hint and id_token_hint identify a person; keep them out of logs.
        return "ValidatedAuthorizationRequest[client=" + client.client().id() + ", responseType=" + responseType
                + ", responseMode=" + responseMode + ", redirectUri=" + redirectUri + ", scopes=" + scopes
                + ", prompts=" + prompts + "]";
    }

    /** Builds a request in code (tests, embedding, reading a stored ticket). */
    public static final class Builder {
        private ClientIdentity client;
        private String redirectUri;
        private boolean redirectUriGiven;
        private ResponseType responseType = ResponseType.CODE;
        private ResponseMode responseMode = ResponseMode.QUERY;
        private Scopes scopes = Scopes.empty();
        private String state;
        private String nonce;
        private CodeChallenge codeChallenge;
        private List<Prompt> prompts = List.of();
        private OptionalInt maxAge = OptionalInt.empty();
        private ClaimsRequest claims = ClaimsRequest.NONE;
        private List<String> idTokenClaims = List.of();
        private List<String> userInfoClaims = List.of();
        private List<String> acrs = List.of();
        private boolean acrEssential;
        private String subject;
        private String loginHint;
        private String idTokenHint;
        private List<String> uiLocales = List.of();
        private List<String> claimsLocales = List.of();
        private Display display = Display.PAGE;
        private List<String> resources = List.of();

        private Builder() {
        }

        public Builder client(ClientIdentity value) { client = value; return this; }
        public Builder redirectUri(String value, boolean given) { redirectUri = value; redirectUriGiven = given; return this; }
        public Builder responseType(ResponseType value) { responseType = value; return this; }
        public Builder responseMode(ResponseMode value) { responseMode = value; return this; }
        public Builder scopes(Scopes value) { scopes = value; return this; }
        public Builder state(String value) { state = value; return this; }
        public Builder nonce(String value) { nonce = value; return this; }
        public Builder codeChallenge(CodeChallenge value) { codeChallenge = value; return this; }
        public Builder prompts(List<Prompt> value) { prompts = value; return this; }
        public Builder maxAge(OptionalInt value) { maxAge = value; return this; }
        public Builder claims(ClaimsRequest value) { claims = value; return this; }
        public Builder idTokenClaims(List<String> value) { idTokenClaims = value; return this; }
        public Builder userInfoClaims(List<String> value) { userInfoClaims = value; return this; }
        public Builder acrs(List<String> value, boolean essential) { acrs = value; acrEssential = essential; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder loginHint(String value) { loginHint = value; return this; }
        public Builder idTokenHint(String value) { idTokenHint = value; return this; }
        public Builder uiLocales(List<String> value) { uiLocales = value; return this; }
        public Builder claimsLocales(List<String> value) { claimsLocales = value; return this; }
        public Builder display(Display value) { display = value; return this; }
        public Builder resources(List<String> value) { resources = value; return this; }

        public ValidatedAuthorizationRequest build() {
            return new ValidatedAuthorizationRequest(client, redirectUri, redirectUriGiven, responseType,
                    responseMode, scopes, state, nonce, codeChallenge, prompts, maxAge, claims, idTokenClaims,
                    userInfoClaims, acrs, acrEssential, subject, loginHint, idTokenHint, uiLocales, claimsLocales,
                    display, resources);
        }
    }
}
