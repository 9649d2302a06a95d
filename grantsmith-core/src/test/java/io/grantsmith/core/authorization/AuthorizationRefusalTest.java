package io.grantsmith.core.authorization;

import static io.grantsmith.core.authorization.AuthorizationFixture.ALIAS_DISABLED_ALIAS;
import static io.grantsmith.core.authorization.AuthorizationFixture.CHALLENGE;
import static io.grantsmith.core.authorization.AuthorizationFixture.FORM_ONLY_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.HYBRID_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.LOCKED_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.MULTI_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.NO_CODE_GRANT_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.OTHER_SERVICE_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.PAR_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.S256_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.SPA_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.SPA_LOOPBACK;
import static io.grantsmith.core.authorization.AuthorizationFixture.UNREGISTERED_CONFIDENTIAL_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.UNREGISTERED_PUBLIC_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.WEB_ALIAS;
import static io.grantsmith.core.authorization.AuthorizationFixture.WEB_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.WEB_REDIRECT;
import static io.grantsmith.core.authorization.AuthorizationFixture.badRequest;
import static io.grantsmith.core.authorization.AuthorizationFixture.query;
import static io.grantsmith.core.authorization.AuthorizationFixture.redirected;
import static io.grantsmith.core.authorization.AuthorizationFixture.service;
import static io.grantsmith.core.authorization.AuthorizationFixture.webQuery;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.Service;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the authorization request with its result code and channel: refusals that may not be
 * redirected (the client, the redirect URI and {@code response_type} are not established) and those that go
 * back to the client, by the response mode the request chose.
 */
class AuthorizationRefusalTest {
    private static final AuthorizationRequestValidator VALIDATOR = AuthorizationFixture.validator();

    private record NotRedirected(Service service, String query, ResultCode code) {
    }

    private record Redirected(Service service, String query, ResponseMode mode, OAuthErrorCode error,
            ResultCode code) {
    }

    static Stream<Arguments> notRedirectedCases() {
        Service service = service();
        return Stream.of(
                bad("empty parameters", service, "", ResultCode.AUTHORIZATION_PARAMETERS_EMPTY),
                bad("broken percent-encoding", service, "response_type=code&client_id=%zz",
                        ResultCode.AUTHORIZATION_PARAMETERS_MALFORMED),
                bad("client_id missing", service, query("response_type", "code"),
                        ResultCode.AUTHORIZATION_CLIENT_ID_MISSING),
                bad("client_id empty", service, query("response_type", "code", "client_id", ""),
                        ResultCode.AUTHORIZATION_CLIENT_ID_EMPTY),
                bad("client_id repeated", service, query("response_type", "code", "client_id", WEB_ID, "client_id",
                        WEB_ID), ResultCode.AUTHORIZATION_CLIENT_ID_REPEATED),
                bad("unknown client", service, query("response_type", "code", "client_id", "9999"),
                        ResultCode.AUTHORIZATION_CLIENT_NOT_FOUND),
                bad("client of another service", service, query("response_type", "code", "client_id",
                        OTHER_SERVICE_ID), ResultCode.AUTHORIZATION_CLIENT_NOT_FOUND),
                bad("unknown alias", service, query("response_type", "code", "client_id", "nobody"),
                        ResultCode.AUTHORIZATION_CLIENT_NOT_FOUND),
                bad("alias the client does not enable", service, query("response_type", "code", "client_id",
                        ALIAS_DISABLED_ALIAS), ResultCode.AUTHORIZATION_CLIENT_ID_ALIAS_NOT_ENABLED),
                bad("alias while the service does not enable aliases",
                        AuthorizationFixture.serviceBuilder(s -> s).clientIdAliasEnabled(false).build(),
                        query("response_type", "code", "client_id", WEB_ALIAS),
                        ResultCode.AUTHORIZATION_CLIENT_ID_ALIAS_NOT_ENABLED),
                bad("locked client", service, query("response_type", "code", "client_id", LOCKED_ID),
                        ResultCode.AUTHORIZATION_CLIENT_LOCKED),
                bad("response_type missing (OIDF oidcc-response-type-missing)", service,
                        query("client_id", WEB_ID, "redirect_uri", WEB_REDIRECT, "scope", "openid", "state", "s"),
                        ResultCode.RESPONSE_TYPE_MISSING),
                bad("response_type empty", service, query("response_type", "", "client_id", WEB_ID),
                        ResultCode.RESPONSE_TYPE_EMPTY),
                bad("response_type repeated", service, query("response_type", "code", "response_type", "code",
                        "client_id", WEB_ID), ResultCode.RESPONSE_TYPE_REPEATED),
                bad("redirect_uri repeated", service, webQuery("redirect_uri", WEB_REDIRECT, "redirect_uri",
                        WEB_REDIRECT), ResultCode.REDIRECT_URI_REPEATED),
                bad("unregistered redirect_uri (OIDF oidcc-ensure-registered-redirect-uri)", service,
                        webQuery("redirect_uri", "https://attacker.example.com/cb", "scope", "openid", "state", "s"),
                        ResultCode.REDIRECT_URI_NOT_REGISTERED),
                bad("registered URI with a trailing slash added", service, webQuery("redirect_uri",
                        WEB_REDIRECT + "/"), ResultCode.REDIRECT_URI_NOT_REGISTERED),
                bad("registered URI in other letter case", service, webQuery("redirect_uri",
                        "https://CLIENT.example.com/cb"), ResultCode.REDIRECT_URI_NOT_REGISTERED),
                bad("registered URI with a query added", service, webQuery("redirect_uri", WEB_REDIRECT + "?a=b"),
                        ResultCode.REDIRECT_URI_NOT_REGISTERED),
                bad("registered URI with a port added", service, webQuery("redirect_uri",
                        "https://client.example.com:8443/cb"), ResultCode.REDIRECT_URI_NOT_REGISTERED),
                bad("loopback URI of a web client on another port", service, query("response_type", "code",
                        "client_id", SPA_ID, "redirect_uri", "http://127.0.0.1:9999/cb", "code_challenge",
                        CHALLENGE, "code_challenge_method", "S256"), ResultCode.REDIRECT_URI_NOT_REGISTERED),
                bad("redirect_uri with a fragment", service, webQuery("redirect_uri", WEB_REDIRECT + "#frag"),
                        ResultCode.REDIRECT_URI_HAS_FRAGMENT),
                bad("redirect_uri with an empty fragment", service, webQuery("redirect_uri", WEB_REDIRECT + "#"),
                        ResultCode.REDIRECT_URI_HAS_FRAGMENT),
                bad("relative redirect_uri", service, webQuery("redirect_uri", "/cb"),
                        ResultCode.REDIRECT_URI_NOT_ABSOLUTE),
                bad("malformed redirect_uri", service, webQuery("redirect_uri", "https://client example.com/cb"),
                        ResultCode.REDIRECT_URI_MALFORMED),
                bad("openid without redirect_uri", service, webQuery("scope", "openid"),
                        ResultCode.REDIRECT_URI_REQUIRED_FOR_OPENID),
                bad("openid in a repeated scope without redirect_uri", service, webQuery("scope", "read",
                        "scope", "openid"), ResultCode.REDIRECT_URI_REQUIRED_FOR_OPENID),
                bad("no redirect_uri while several are registered", service, query("response_type", "code",
                        "client_id", MULTI_ID), ResultCode.REDIRECT_URI_MISSING_AND_SEVERAL_REGISTERED),
                bad("no redirect_uri and none registered", service, query("response_type", "code", "client_id",
                        UNREGISTERED_CONFIDENTIAL_ID), ResultCode.REDIRECT_URI_MISSING_AND_NONE_REGISTERED),
                bad("confidential client without registered URIs names one", service, query("response_type",
                        "code", "client_id", UNREGISTERED_CONFIDENTIAL_ID, "redirect_uri", WEB_REDIRECT),
                        ResultCode.REDIRECT_URI_REGISTRATION_REQUIRED),
                bad("public client without registered URIs", service, query("response_type", "code",
                        "client_id", UNREGISTERED_PUBLIC_ID, "redirect_uri", WEB_REDIRECT),
                        ResultCode.REDIRECT_URI_NONE_REGISTERED_BY_PUBLIC_CLIENT),
                bad("no code grant, and an unregistered redirect_uri: nothing to trust", service,
                        query("response_type", "code", "client_id", NO_CODE_GRANT_ID, "redirect_uri",
                                "https://attacker.example.com/cb"), ResultCode.REDIRECT_URI_NOT_REGISTERED),
                bad("id_token without openid", service, query("response_type", "id_token", "client_id", HYBRID_ID,
                        "nonce", "n", "scope", "profile"), ResultCode.AUTHORIZATION_ID_TOKEN_WITHOUT_OPENID));
    }

    static Stream<Arguments> redirectedCases() {
        Service service = service();
        String longText = "x".repeat(AuthorizationRequestValidator.MAX_STATE_LENGTH + 1);
        return Stream.of(
                // response_type and response_mode
                redirect("unknown response_type (OIDF)", service, webQuery().replace("code", "bogus"),
                        ResponseMode.QUERY, OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, ResultCode.RESPONSE_TYPE_UNKNOWN),
                redirect("response_type with a part twice", service, webQuery().replace("code", "code+code"),
                        ResponseMode.QUERY, OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, ResultCode.RESPONSE_TYPE_UNKNOWN),
                redirect("response type the service does not support", AuthorizationFixture.serviceBuilder(
                        s -> s.responseTypes(AuthorizationSettings.DEFAULT_RESPONSE_TYPES)).build(),
                        query("response_type", "token", "client_id", HYBRID_ID), ResponseMode.FRAGMENT,
                        OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, ResultCode.RESPONSE_TYPE_NOT_SUPPORTED_BY_SERVICE),
                redirect("response type the client did not register", service, webQuery().replace("code", "token"),
                        ResponseMode.FRAGMENT, OAuthErrorCode.UNAUTHORIZED_CLIENT,
                        ResultCode.RESPONSE_TYPE_NOT_ALLOWED_FOR_CLIENT),
                redirect("code, but the service does not support the authorization_code grant",
                        AuthorizationFixture.serviceBuilder(s -> s).grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS,
                                GrantType.REFRESH_TOKEN)).build(), webQuery(), ResponseMode.QUERY,
                        OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE,
                        ResultCode.RESPONSE_TYPE_CODE_GRANT_NOT_SUPPORTED_BY_SERVICE),
                redirect("code, but the client may not use the authorization_code grant", service,
                        query("response_type", "code", "client_id", NO_CODE_GRANT_ID), ResponseMode.QUERY,
                        OAuthErrorCode.UNAUTHORIZED_CLIENT,
                        ResultCode.RESPONSE_TYPE_CODE_GRANT_NOT_ALLOWED_FOR_CLIENT),
                redirect("implicit flow", service, query("response_type", "token", "client_id", HYBRID_ID),
                        ResponseMode.FRAGMENT, OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE,
                        ResultCode.RESPONSE_TYPE_NOT_IMPLEMENTED),
                redirect("hybrid flow, parts in another order", service, query("response_type", "id_token code",
                        "client_id", HYBRID_ID, "scope", "openid", "redirect_uri", WEB_REDIRECT, "nonce", "n"),
                        ResponseMode.FRAGMENT, OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE,
                        ResultCode.RESPONSE_TYPE_NOT_IMPLEMENTED),
                redirect("id_token without nonce", service, query("response_type", "code id_token", "client_id",
                        HYBRID_ID, "scope", "openid", "redirect_uri", WEB_REDIRECT), ResponseMode.FRAGMENT,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.NONCE_REQUIRED),
                redirect("response_mode repeated", service, webQuery("response_mode", "query", "response_mode",
                        "fragment"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.RESPONSE_MODE_REPEATED),
                redirect("unknown response_mode", service, webQuery("response_mode", "post"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.RESPONSE_MODE_UNKNOWN),
                redirect("JARM query.jwt", service, webQuery("response_mode", "query.jwt"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.RESPONSE_MODE_JWT_NOT_IMPLEMENTED),
                redirect("JARM form_post.jwt goes by form_post", service, webQuery("response_mode", "form_post.jwt"),
                        ResponseMode.FORM_POST, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.RESPONSE_MODE_JWT_NOT_IMPLEMENTED),
                redirect("JARM jwt goes by the default mode", service, webQuery("response_mode", "jwt"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.RESPONSE_MODE_JWT_NOT_IMPLEMENTED),
                redirect("tokens in the query", service, query("response_type", "token", "client_id", HYBRID_ID,
                        "response_mode", "query"), ResponseMode.FRAGMENT, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.RESPONSE_MODE_QUERY_NOT_ALLOWED),
                redirect("response mode the client did not register", service, query("response_type", "code",
                        "client_id", FORM_ONLY_ID, "response_mode", "fragment"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.RESPONSE_MODE_NOT_ALLOWED_FOR_CLIENT),
                // request objects and PAR
                redirect("request object", service, webQuery("request", "eyJhbGciOiJub25lIn0.e30."),
                        ResponseMode.QUERY, OAuthErrorCode.REQUEST_NOT_SUPPORTED, ResultCode.REQUEST_NOT_SUPPORTED),
                redirect("request_uri", service, webQuery("request_uri", "https://client.example.com/r/1"),
                        ResponseMode.QUERY, OAuthErrorCode.REQUEST_URI_NOT_SUPPORTED,
                        ResultCode.REQUEST_URI_NOT_SUPPORTED),
                redirect("request and request_uri", service, webQuery("request", "x", "request_uri", "y"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.REQUEST_AND_REQUEST_URI),
                redirect("request repeated", service, webQuery("request", "x", "request", "y"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.REQUEST_REPEATED),
                redirect("client requires PAR", service, query("response_type", "code", "client_id", PAR_ID),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.PAR_REQUIRED),
                redirect("service requires request objects", service(s -> s.requestObjectRequired(true)),
                        webQuery(), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.REQUEST_OBJECT_REQUIRED),
                // scope, state, nonce
                redirect("scope repeated", service, webQuery("scope", "read", "scope", "write"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.AUTHORIZATION_SCOPE_REPEATED),
                redirect("no valid scope, no default, scope required", AuthorizationFixture.serviceBuilder(s -> s)
                        .scopes(ScopeCatalog.of("read")).scopeRequired(true).build(), webQuery("scope", "unknown"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_SCOPE, ResultCode.AUTHORIZATION_SCOPE_REQUIRED),
                redirect("state repeated", service, webQuery("state", "a", "state", "b"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.STATE_REPEATED),
                redirect("state not ASCII", service, webQuery("state", "caf\u00e9"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.STATE_NOT_ASCII),
                redirect("state with a control character", service, webQuery("state", "a\nb"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.STATE_NOT_ASCII),
                redirect("state too long", service, webQuery("state", longText), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.STATE_TOO_LONG),
                redirect("nonce repeated", service, webQuery("nonce", "a", "nonce", "b"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.NONCE_REPEATED),
                redirect("nonce not ASCII", service, webQuery("nonce", "\u4e00"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.NONCE_NOT_ASCII),
                redirect("nonce too long", service, webQuery("nonce", "n".repeat(
                        AuthorizationRequestValidator.MAX_NONCE_LENGTH + 1)), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.NONCE_TOO_LONG),
                // prompt, max_age, display, locales, hints
                redirect("prompt repeated", service, webQuery("prompt", "login", "prompt", "consent"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_REPEATED),
                redirect("unknown prompt", service, webQuery("prompt", "login bogus"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_UNKNOWN),
                redirect("prompt=none combined (OIDF)", service, webQuery("prompt", "none login"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_NONE_COMBINED),
                redirect("prompt=create not enabled", service, webQuery("prompt", "create"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_NOT_SUPPORTED),
                redirect("prompt=none not supported", service(s -> s.promptValues(Set.of(Prompt.LOGIN,
                        Prompt.CONSENT))), webQuery("prompt", "none"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_NONE_NOT_SUPPORTED),
                redirect("max_age repeated", service, webQuery("max_age", "1", "max_age", "2"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.MAX_AGE_REPEATED),
                redirect("max_age not a number", service, webQuery("max_age", "soon"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.MAX_AGE_NOT_NUMBER),
                redirect("max_age a fraction", service, webQuery("max_age", "1.5"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.MAX_AGE_NOT_INTEGER),
                redirect("max_age in exponent notation", service, webQuery("max_age", "1e3"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.MAX_AGE_NOT_INTEGER),
                redirect("max_age beyond int", service, webQuery("max_age", "2147483648"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.MAX_AGE_OUT_OF_RANGE),
                redirect("max_age with a hundred digits", service, webQuery("max_age", "9".repeat(100)),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.MAX_AGE_OUT_OF_RANGE),
                redirect("max_age negative", service, webQuery("max_age", "-1"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.MAX_AGE_NEGATIVE),
                redirect("display repeated", service, webQuery("display", "page", "display", "popup"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.DISPLAY_REPEATED),
                redirect("unknown display", service, webQuery("display", "tv"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.DISPLAY_UNKNOWN),
                redirect("display the service does not support", service(s -> s.displays(Set.of(Display.PAGE))),
                        webQuery("display", "wap"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.DISPLAY_NOT_SUPPORTED),
                redirect("default display the service does not support",
                        service(s -> s.displays(Set.of(Display.POPUP))), webQuery(), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.DISPLAY_DEFAULT_NOT_SUPPORTED),
                redirect("ui_locales repeated", service, webQuery("ui_locales", "en", "ui_locales", "fr"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.UI_LOCALES_REPEATED),
                redirect("claims_locales repeated", service, webQuery("claims_locales", "en", "claims_locales",
                        "fr"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_LOCALES_REPEATED),
                redirect("login_hint repeated", service, webQuery("login_hint", "a", "login_hint", "b"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.LOGIN_HINT_REPEATED),
                redirect("id_token_hint repeated", service, webQuery("id_token_hint", "a", "id_token_hint", "b"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.AUTHORIZATION_PARAMETER_REPEATED),
                // acr and claims
                redirect("acr_values repeated", service, webQuery("acr_values", "a", "acr_values", "b"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.ACR_VALUES_REPEATED),
                redirect("unsupported acr value", service, webQuery("acr_values", "urn:example:acr:retina"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.ACR_NOT_SUPPORTED),
                redirect("acr while the service supports none", service(s -> s.acrs(List.of())),
                        webQuery("acr_values", AuthorizationFixture.ACR_PWD), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.ACR_NONE_SUPPORTED),
                redirect("client default acr while the service supports none", service(s -> s.acrs(List.of())),
                        query("response_type", "code", "client_id", AuthorizationFixture.DEFAULTS_ID),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.ACR_NONE_SUPPORTED),
                redirect("claims repeated", service, webQuery("claims", "{}", "claims", "{}"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_REPEATED),
                redirect("claims not JSON (OIDF)", service, webQuery("claims", "{id_token:"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_NOT_JSON_OBJECT),
                redirect("claims a JSON array", service, webQuery("claims", "[]"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_NOT_JSON_OBJECT),
                redirect("claims with trailing content", service, webQuery("claims", "{} {}"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_NOT_JSON_OBJECT),
                redirect("claims with a duplicate member", service, webQuery("claims",
                        "{\"id_token\":{},\"id_token\":{}}"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CLAIMS_NOT_JSON_OBJECT),
                redirect("claims.id_token not an object", service, webQuery("claims", "{\"id_token\":1}"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_ID_TOKEN_NOT_OBJECT),
                redirect("claims.userinfo not an object", service, webQuery("claims", "{\"userinfo\":null}"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_USERINFO_NOT_OBJECT),
                redirect("claim request neither null nor object", service, webQuery("claims",
                        "{\"id_token\":{\"email\":5}}"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CLAIMS_MEMBER_MALFORMED),
                redirect("essential not a boolean", service, webQuery("claims",
                        "{\"id_token\":{\"email\":{\"essential\":\"yes\"}}}"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_MEMBER_MALFORMED),
                redirect("values not an array", service, webQuery("claims",
                        "{\"userinfo\":{\"email\":{\"values\":\"a\"}}}"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_MEMBER_MALFORMED),
                redirect("empty claim name", service, webQuery("claims", "{\"userinfo\":{\"\":null}}"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_MEMBER_MALFORMED),
                redirect("acr values in claims not strings", service, webQuery("claims",
                        "{\"id_token\":{\"acr\":{\"values\":[1]}}}"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_MEMBER_MALFORMED),
                redirect("unsupported acr in claims", service, webQuery("claims",
                        "{\"id_token\":{\"acr\":{\"value\":\"urn:other\"}}}"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.ACR_NOT_SUPPORTED),
                redirect("sub value not a string", service, webQuery("claims",
                        "{\"id_token\":{\"sub\":{\"value\":42}}}"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_MEMBER_MALFORMED),
                // PKCE
                redirect("client requires PKCE, no challenge", service, query("response_type", "code", "client_id",
                        S256_ID), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_REQUIRED),
                redirect("service requires PKCE, no challenge", service(s -> s.pkceRequired(true)), webQuery(),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CODE_CHALLENGE_REQUIRED),
                redirect("public client without challenge", service, query("response_type", "code", "client_id",
                        SPA_ID, "redirect_uri", SPA_LOOPBACK), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_REQUIRED_FOR_PUBLIC_CLIENT),
                redirect("challenge empty", service, webQuery("code_challenge", ""), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CODE_CHALLENGE_EMPTY),
                redirect("challenge repeated", service, webQuery("code_challenge", CHALLENGE, "code_challenge",
                        CHALLENGE), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_REPEATED),
                redirect("challenge of 42 characters", service, webQuery("code_challenge", CHALLENGE.substring(1)),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CODE_CHALLENGE_MALFORMED),
                redirect("challenge of 129 characters", service, webQuery("code_challenge", "a".repeat(129)),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CODE_CHALLENGE_MALFORMED),
                redirect("challenge outside the unreserved set", service, webQuery("code_challenge",
                        CHALLENGE.substring(1) + "+"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_MALFORMED),
                redirect("method repeated", service, webQuery("code_challenge", CHALLENGE, "code_challenge_method",
                        "S256", "code_challenge_method", "S256"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_METHOD_REPEATED),
                redirect("unknown method", service, webQuery("code_challenge", CHALLENGE, "code_challenge_method",
                        "S512"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_METHOD_UNKNOWN),
                redirect("method in lower case", service, webQuery("code_challenge", CHALLENGE,
                        "code_challenge_method", "s256"), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_METHOD_UNKNOWN),
                redirect("plain while the client requires S256", service, query("response_type", "code",
                        "client_id", S256_ID, "code_challenge", CHALLENGE, "code_challenge_method", "plain"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST, ResultCode.CODE_CHALLENGE_METHOD_NOT_S256),
                redirect("plain while the service requires S256", service(s -> s.pkceS256Required(true)),
                        webQuery("code_challenge", CHALLENGE, "code_challenge_method", "plain"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.CODE_CHALLENGE_METHOD_NOT_S256),
                redirect("no method while S256 is required", service, query("response_type", "code", "client_id",
                        S256_ID, "code_challenge", CHALLENGE), ResponseMode.QUERY, OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.CODE_CHALLENGE_METHOD_REQUIRED),
                // resources
                redirect("relative resource", service, webQuery("resource", "api"), ResponseMode.QUERY,
                        OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_NOT_ABSOLUTE),
                redirect("resource with a fragment", service, webQuery("resource", "https://api.example.com/#x"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_HAS_FRAGMENT),
                redirect("resource not a URI", service, webQuery("resource", "https://api example.com"),
                        ResponseMode.QUERY, OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_NOT_URI),
                redirect("second resource invalid", service, webQuery("resource", "https://api.example.com",
                        "resource", "api"), ResponseMode.QUERY, OAuthErrorCode.INVALID_TARGET,
                        ResultCode.RESOURCE_NOT_ABSOLUTE));
    }

    @ParameterizedTest
    @MethodSource("notRedirectedCases")
    void whenRequestFailsBeforeItsRedirectUriIsTrustedThenItIsABadRequestNeverARedirect(NotRedirected given) {
        AuthorizationResult result = VALIDATOR.validate(given.service(), given.query());

        AuthorizationResult.BadRequest refusal = badRequest(result, given.code());
        assertThat(refusal.error().error()).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(refusal.error().result().formatted()).startsWith("[" + given.code().code() + "] ");
    }

    @ParameterizedTest
    @MethodSource("redirectedCases")
    void whenRequestFailsAfterItsRedirectUriIsTrustedThenTheErrorGoesBackToTheClient(Redirected given) {
        AuthorizationResult result = VALIDATOR.validate(given.service(), given.query());

        AuthorizationResult.ErrorRedirect refusal = redirected(result, given.error(), given.code());
        assertThat(refusal.redirectUri()).isEqualTo(given.query().contains("client_id=" + SPA_ID) ? SPA_LOOPBACK
                : WEB_REDIRECT);
        assertThat(refusal.responseMode()).isEqualTo(given.mode());
        assertThat(refusal.action()).isEqualTo(given.mode() == ResponseMode.FORM_POST ? AuthorizationAction.FORM
                : AuthorizationAction.LOCATION);
        assertThat(refusal.issuer()).isEqualTo(AuthorizationFixture.ISSUER);
    }

    private static Arguments bad(String name, Service service, String query, ResultCode code) {
        return Arguments.of(Named.of(name, new NotRedirected(service, query, code)));
    }

    private static Arguments redirect(String name, Service service, String query, ResponseMode mode,
            OAuthErrorCode error, ResultCode code) {
        return Arguments.of(Named.of(name, new Redirected(service, query, mode, error, code)));
    }
}
