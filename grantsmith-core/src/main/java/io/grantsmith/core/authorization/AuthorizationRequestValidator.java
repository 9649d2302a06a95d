package io.grantsmith.core.authorization;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.grant.ResourceIndicators;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.JsonReader;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates an authorization request as Authlete's {@code /auth/authorization} does, without side effects: no
 * ticket is issued and nothing is stored. Thread-safe; never throws for bad input.
 *
 * <p>The checks run in two phases, because where an error may go depends on how far the request got (RFC 6749
 * §4.1.2.1). Until the client, {@code response_type} and the redirect URI are established, a refusal is a
 * {@link AuthorizationResult.BadRequest}: sending it to an unchecked URI would make the server an open
 * redirector. After that, every refusal goes back to the client as an {@link AuthorizationResult.ErrorRedirect},
 * by the response mode decided first, with the request's {@code state} and the service's {@code iss}.</p>
 */
public final class AuthorizationRequestValidator {
    /** The longest {@code state} accepted and echoed; OpenID Connect's tests send 128 characters. */
    public static final int MAX_STATE_LENGTH = 2048;
    /** The longest {@code nonce} accepted; it is copied into every ID token of the flow. */
    public static final int MAX_NONCE_LENGTH = 512;
    /** The response types whose flows Grantsmith implements; others are refused as not implemented yet. */
    public static final Set<ResponseType> IMPLEMENTED_RESPONSE_TYPES = Set.of(ResponseType.CODE, ResponseType.NONE);

    private static final System.Logger LOG = System.getLogger(AuthorizationRequestValidator.class.getName());

    /**
     * Single-valued parameters (RFC 6749 §3.1) checked once the redirect URI is trusted, in the order they are
     * checked, with the code reporting a repetition. {@code client_id}, {@code response_type},
     * {@code redirect_uri} and {@code response_mode} are checked earlier; {@code resource} may repeat (RFC 8707);
     * unknown parameters are ignored (RFC 6749 §3.1), repeated or not.
     */
    private static final Map<String, ResultCode> REPEAT_CODES = repeatCodes();

    private final AuthorizationClients clients;
    private final ClaimsRequestParser claimsParser;

    public AuthorizationRequestValidator(ClientLookup clients, JsonReader json) {
        this.clients = new AuthorizationClients(Objects.requireNonNull(clients, "clients"));
        this.claimsParser = new ClaimsRequestParser(Objects.requireNonNull(json, "json"));
    }

    /**
     * Validates an authorization request sent to {@code service}.
     *
     * @param parameters the request's parameters exactly as received: the raw query string of a GET or the raw
     *                   form body of a POST (Authlete's {@code parameters})
     */
    public AuthorizationResult validate(Service service, String parameters) {
        Objects.requireNonNull(service, "service");
        try {
            return validateOrRefuse(service, parameters);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "unexpected failure while validating an authorization request of service "
                    + service.id(), e);
            return new AuthorizationResult.InternalServerError(service,
                    serverError(ResultCode.AUTHORIZATION_UNEXPECTED_ERROR));
        }
    }

    private AuthorizationResult validateOrRefuse(Service service, String encoded) {
        if (encoded == null) {
            return new AuthorizationResult.InternalServerError(service,
                    serverError(ResultCode.AUTHORIZATION_PARAMETERS_MISSING));
        }
        FormParameters parameters;
        ClientIdentity client = null;
        RedirectUris.Target target;
        ResponseType type;
        try {
            parameters = parse(encoded);
            client = clients.identify(service, parameters);
            String responseType = requireResponseType(parameters);
            boolean openidRequested = openidRequested(parameters);
            target = RedirectUris.resolve(service, client.client(), parameters, openidRequested);
            type = ResponseType.parse(responseType);
            if (type != null && type.containsIdToken() && !openidRequested) {
                throw refusal(ResultCode.AUTHORIZATION_ID_TOKEN_WITHOUT_OPENID);
            }
        } catch (OAuthException e) {
            return new AuthorizationResult.BadRequest(service, client, e.error());
        }

        ResponseModes.Delivery delivery = ResponseModes.choose(parameters, type, client.client());
        Responder responder = new Responder(service, client, target.uri(), delivery.mode(),
                echoableState(parameters));
        if (delivery.refusal() != null) {
            return responder.refuse(delivery.refusal());
        }
        try {
            return new AuthorizationResult.Valid(service,
                    checked(service, client, parameters, target, type, delivery.mode()));
        } catch (OAuthException e) {
            return responder.refuse(e.error());
        }
    }

    /** Sends refusals to the established redirect URI. */
    private record Responder(Service service, ClientIdentity client, String redirectUri, ResponseMode mode,
            String state) {
        AuthorizationResult refuse(OAuthError error) {
            return new AuthorizationResult.ErrorRedirect(service, client, redirectUri, mode, error, state,
                    service.authorization().responseIssuer());
        }
    }

    /** The checks that run once the redirect URI is trusted; each refusal is thrown. */
    private ValidatedAuthorizationRequest checked(Service service, ClientIdentity identity,
            FormParameters parameters, RedirectUris.Target target, ResponseType parsedType, ResponseMode mode) {
        Client client = identity.client();
        AuthorizationSettings settings = service.authorization();
        refuseRepetitions(parameters);
        ResponseType type = responseType(service, client, parameters, parsedType);
        refuseRequestObjects(service, client, parameters);
        String state = text(parameters, "state", MAX_STATE_LENGTH, ResultCode.STATE_NOT_ASCII,
                ResultCode.STATE_TOO_LONG);
        String nonce = text(parameters, "nonce", MAX_NONCE_LENGTH, ResultCode.NONCE_NOT_ASCII,
                ResultCode.NONCE_TOO_LONG);
        List<Prompt> prompts = InteractionRules.prompts(parameters.optional("prompt"), settings);
        Scopes scopes = scopes(service, client, parameters, type, prompts);
        ClaimsRequest claims = claimsParser.parse(parameters.optional("claims"));
        InteractionRules.Acrs acrs = InteractionRules.acrs(claims, parameters.optional("acr_values"), client,
                settings);
        return ValidatedAuthorizationRequest.builder()
                .client(identity)
                .redirectUri(target.uri(), target.given())
                .responseType(type)
                .responseMode(mode)
                .scopes(scopes)
                .state(state)
                .nonce(nonce)
                .prompts(prompts)
                .maxAge(InteractionRules.maxAge(parameters.optional("max_age"), client))
                .display(InteractionRules.display(parameters.optional("display"), settings))
                .claims(claims)
                .acrs(acrs.values(), acrs.essential())
                .subject(subject(claims))
                .codeChallenge(type.containsCode() ? Pkce.challenge(service, client, parameters) : null)
                .resources(ResourceIndicators.validate(parameters.all("resource")))
                .idTokenClaims(ClaimNames.forIdToken(scopes, claims, type, settings))
                .userInfoClaims(ClaimNames.forUserInfo(scopes, claims, type, settings))
                .loginHint(parameters.optional("login_hint"))
                .idTokenHint(parameters.optional("id_token_hint"))
                .uiLocales(InteractionRules.uiLocales(parameters.optional("ui_locales"), settings))
                .claimsLocales(InteractionRules.words(parameters.optional("claims_locales")))
                .build();
    }

    private static FormParameters parse(String encoded) {
        FormParameters parameters;
        try {
            parameters = FormParameters.parse(encoded);
        } catch (MalformedParametersException e) {
            throw refusal(ResultCode.AUTHORIZATION_PARAMETERS_MALFORMED, Quoted.of(e.getMessage()));
        }
        if (parameters.isEmpty()) {
            throw refusal(ResultCode.AUTHORIZATION_PARAMETERS_EMPTY);
        }
        return parameters;
    }

    /**
     * The {@code response_type} value. Without one no response mode can be derived, so its absence is refused
     * before the redirect URI is considered, as Authlete does; its value is judged later, by redirect.
     */
    private static String requireResponseType(FormParameters parameters) {
        if (parameters.count("response_type") > 1) {
            throw refusal(ResultCode.RESPONSE_TYPE_REPEATED);
        }
        String value = parameters.first("response_type");
        if (value == null) {
            throw refusal(ResultCode.RESPONSE_TYPE_MISSING);
        }
        if (value.isEmpty()) {
            throw refusal(ResultCode.RESPONSE_TYPE_EMPTY);
        }
        return value;
    }

    /** Whether any {@code scope} value names {@code openid}, before scopes are filtered by the service. */
    private static boolean openidRequested(FormParameters parameters) {
        for (String scope : parameters.all("scope")) {
            if (Scopes.parse(scope).contains("openid")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code state} to echo in an error redirect: only a single, well-formed one. */
    private static String echoableState(FormParameters parameters) {
        if (parameters.count("state") != 1) {
            return null;
        }
        String state = parameters.optional("state");
        return state != null && state.length() <= MAX_STATE_LENGTH && printableAscii(state) ? state : null;
    }

    private static void refuseRepetitions(FormParameters parameters) {
        for (Map.Entry<String, ResultCode> parameter : REPEAT_CODES.entrySet()) {
            if (parameters.count(parameter.getKey()) > 1) {
                ResultCode code = parameter.getValue();
                throw code == ResultCode.AUTHORIZATION_PARAMETER_REPEATED ? refusal(code, parameter.getKey())
                        : refusal(code);
            }
        }
    }

    /** The response type, once it is known, supported, allowed for the client and implemented. */
    private static ResponseType responseType(Service service, Client client, FormParameters parameters,
            ResponseType type) {
        if (type == null) {
            throw unsupported(ResultCode.RESPONSE_TYPE_UNKNOWN, Quoted.of(parameters.first("response_type")));
        }
        if (!service.authorization().supportedResponseTypes().contains(type)) {
            throw unsupported(ResultCode.RESPONSE_TYPE_NOT_SUPPORTED_BY_SERVICE, type.wireValue());
        }
        if (!client.metadata().responseTypes().contains(type)) {
            throw OAuthException.badRequest(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    ResultCode.RESPONSE_TYPE_NOT_ALLOWED_FOR_CLIENT, client.id(), type.wireValue());
        }
        refuseWithoutCodeGrant(service, client, type);
        if (type.containsIdToken() && parameters.optional("nonce") == null) {
            throw refusal(ResultCode.NONCE_REQUIRED); // OpenID Connect Core §3.2.2.1, §3.3.2.11
        }
        if (!IMPLEMENTED_RESPONSE_TYPES.contains(type)) {
            throw unsupported(ResultCode.RESPONSE_TYPE_NOT_IMPLEMENTED, type.wireValue());
        }
        return type;
    }

    /**
     * A code is only worth issuing when it can be redeemed: a response type with {@code code} needs the
     * {@code authorization_code} grant in the service's {@code supportedGrantTypes} and in the client's
     * {@code grantTypes} (RFC 6749 §4.1.2.1: {@code unsupported_response_type}, {@code unauthorized_client}).
     * Refusing here, by redirect, spares the user a login whose code the token endpoint would refuse.
     */
    private static void refuseWithoutCodeGrant(Service service, Client client, ResponseType type) {
        if (!type.containsCode()) {
            return;
        }
        if (!service.supports(GrantType.AUTHORIZATION_CODE)) {
            throw unsupported(ResultCode.RESPONSE_TYPE_CODE_GRANT_NOT_SUPPORTED_BY_SERVICE, type.wireValue());
        }
        if (!client.mayUse(GrantType.AUTHORIZATION_CODE)) {
            throw OAuthException.badRequest(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    ResultCode.RESPONSE_TYPE_CODE_GRANT_NOT_ALLOWED_FOR_CLIENT, client.id(), type.wireValue());
        }
    }

    /**
     * Request objects and pushed requests are not implemented yet: say so with the errors OpenID Connect Core
     * §6 defines, and refuse requests that the service or the client requires to use them.
     */
    private static void refuseRequestObjects(Service service, Client client, FormParameters parameters) {
        boolean request = parameters.optional("request") != null;
        boolean requestUri = parameters.optional("request_uri") != null;
        if (request && requestUri) {
            throw refusal(ResultCode.REQUEST_AND_REQUEST_URI);
        }
        if (request) {
            throw OAuthException.badRequest(OAuthErrorCode.REQUEST_NOT_SUPPORTED, ResultCode.REQUEST_NOT_SUPPORTED);
        }
        if (requestUri) {
            throw OAuthException.badRequest(OAuthErrorCode.REQUEST_URI_NOT_SUPPORTED,
                    ResultCode.REQUEST_URI_NOT_SUPPORTED);
        }
        if (service.authorization().parRequired() || client.metadata().parRequired()) {
            throw refusal(ResultCode.PAR_REQUIRED);
        }
        if (service.authorization().requestObjectRequired() || client.metadata().requestObjectRequired()) {
            throw refusal(ResultCode.REQUEST_OBJECT_REQUIRED);
        }
    }

    /** An optional printable-ASCII value ({@code state}, {@code nonce}) of bounded length, or null. */
    private static String text(FormParameters parameters, String name, int maxLength, ResultCode notAscii,
            ResultCode tooLong) {
        String value = parameters.optional(name);
        if (value == null) {
            return null;
        }
        if (!printableAscii(value)) {
            throw refusal(notAscii);
        }
        if (value.length() > maxLength) {
            throw refusal(tooLong, maxLength);
        }
        return value;
    }

    /** RFC 6749 Appendix A.5 (VSCHAR): {@code %x20-7E}. */
    private static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * Authlete's scope rules: requested scopes the service does not support or the client may not request are
     * dropped silently; when none is left, the service's default scopes apply; an empty result is refused when
     * the service sets {@code scopeRequired}. {@code offline_access} in an OpenID Connect request is dropped
     * unless {@code prompt} contains {@code consent} and a code is returned (OpenID Connect Core §11).
     */
    private static Scopes scopes(Service service, Client client, FormParameters parameters, ResponseType type,
            List<Prompt> prompts) {
        List<String> granted = new ArrayList<>();
        for (String scope : Scopes.parse(parameters.first("scope"))) {
            if (service.scopes().supports(scope) && client.mayRequest(scope)) {
                granted.add(scope);
            }
        }
        if (granted.isEmpty()) {
            for (String scope : service.scopes().defaults()) {
                if (client.mayRequest(scope)) {
                    granted.add(scope);
                }
            }
        }
        Scopes scopes = Scopes.of(granted);
        if (scopes.contains("openid") && (!prompts.contains(Prompt.CONSENT) || !type.containsCode())) {
            scopes = scopes.without("offline_access");
        }
        if (scopes.isEmpty() && service.scopeRequired()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_SCOPE, ResultCode.AUTHORIZATION_SCOPE_REQUIRED);
        }
        return scopes;
    }

    /**
     * The subject the {@code claims} parameter asks for with {@code "sub": {"value": ...}}, in {@code id_token}
     * or else in {@code userinfo}; null when it asks for none.
     */
    private static String subject(ClaimsRequest claims) {
        String subject = subject(claims.idToken(), "id_token");
        return subject != null ? subject : subject(claims.userInfo(), "userinfo");
    }

    private static String subject(Map<String, ClaimRequest> requests, String target) {
        ClaimRequest sub = requests.get("sub");
        if (sub == null || sub.value() == null) {
            return null;
        }
        if (!(sub.value() instanceof String subject)) {
            throw ClaimsRequestParser.malformed("sub", target, "'value' is not a string");
        }
        return subject;
    }

    private static Map<String, ResultCode> repeatCodes() {
        Map<String, ResultCode> codes = new LinkedHashMap<>();
        codes.put("scope", ResultCode.AUTHORIZATION_SCOPE_REPEATED);
        codes.put("state", ResultCode.STATE_REPEATED);
        codes.put("nonce", ResultCode.NONCE_REPEATED);
        codes.put("request", ResultCode.REQUEST_REPEATED);
        codes.put("request_uri", ResultCode.REQUEST_URI_REPEATED);
        codes.put("prompt", ResultCode.PROMPT_REPEATED);
        codes.put("max_age", ResultCode.MAX_AGE_REPEATED);
        codes.put("display", ResultCode.DISPLAY_REPEATED);
        codes.put("ui_locales", ResultCode.UI_LOCALES_REPEATED);
        codes.put("claims_locales", ResultCode.CLAIMS_LOCALES_REPEATED);
        codes.put("claims", ResultCode.CLAIMS_REPEATED);
        codes.put("acr_values", ResultCode.ACR_VALUES_REPEATED);
        codes.put("login_hint", ResultCode.LOGIN_HINT_REPEATED);
        codes.put("id_token_hint", ResultCode.AUTHORIZATION_PARAMETER_REPEATED);
        codes.put("code_challenge", ResultCode.CODE_CHALLENGE_REPEATED);
        codes.put("code_challenge_method", ResultCode.CODE_CHALLENGE_METHOD_REPEATED);
        return codes;
    }

    private static OAuthException refusal(ResultCode code, Object... args) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code, args);
    }

    private static OAuthException unsupported(ResultCode code, Object... args) {
        return OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, code, args);
    }

    private static OAuthError serverError(ResultCode code) {
        return new OAuthError(OAuthErrorCode.SERVER_ERROR, code.message());
    }
}
