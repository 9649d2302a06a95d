package io.grantsmith.core.authorization;

import static io.grantsmith.core.authorization.AuthorizationFixture.ACR_MFA;
import static io.grantsmith.core.authorization.AuthorizationFixture.ACR_PWD;
import static io.grantsmith.core.authorization.AuthorizationFixture.CHALLENGE;
import static io.grantsmith.core.authorization.AuthorizationFixture.DEFAULTS_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.ISSUER;
import static io.grantsmith.core.authorization.AuthorizationFixture.MULTI_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.MULTI_REDIRECT_B;
import static io.grantsmith.core.authorization.AuthorizationFixture.NATIVE_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.READ_ONLY_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.SPA_ID;
import static io.grantsmith.core.authorization.AuthorizationFixture.WEB;
import static io.grantsmith.core.authorization.AuthorizationFixture.WEB_ALIAS;
import static io.grantsmith.core.authorization.AuthorizationFixture.WEB_REDIRECT;
import static io.grantsmith.core.authorization.AuthorizationFixture.badRequest;
import static io.grantsmith.core.authorization.AuthorizationFixture.query;
import static io.grantsmith.core.authorization.AuthorizationFixture.redirected;
import static io.grantsmith.core.authorization.AuthorizationFixture.service;
import static io.grantsmith.core.authorization.AuthorizationFixture.valid;
import static io.grantsmith.core.authorization.AuthorizationFixture.webQuery;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.ClientLookup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationRequestValidatorTest {
    private static final AuthorizationRequestValidator VALIDATOR = AuthorizationFixture.validator();
    /** The 128-character state of the OpenID Foundation's prompt=none tests. */
    private static final String STATE_128 = "aB3-._~".repeat(17) + "x!*()' +%";

    private static ValidatedAuthorizationRequest request(String query) {
        return request(service(), query);
    }

    private static ValidatedAuthorizationRequest request(Service service, String query) {
        return valid(VALIDATOR.validate(service, query)).request();
    }

    @Test
    void whenOpenIdCodeRequestIsValidThenEveryParameterIsCarried() {
        ValidatedAuthorizationRequest request = request(webQuery("redirect_uri", WEB_REDIRECT,
                "scope", "openid read", "state", "xyz", "nonce", "n-0S6", "code_challenge", CHALLENGE,
                "code_challenge_method", "S256", "prompt", "login consent", "max_age", "600", "display", "popup",
                "ui_locales", "de fr-ca en", "claims_locales", "ja en", "login_hint", "alice@example.com",
                "id_token_hint", "eyJ.hint.sig", "acr_values", ACR_MFA + " " + ACR_PWD,
                "resource", "https://api.example.com", "resource", "https://api.example.com",
                "resource", "https://other.example.com", "unknown_parameter", "ignored", "unknown_parameter", "x"));

        assertThat(request.client().client()).isEqualTo(WEB);
        assertThat(request.client().aliasUsed()).isFalse();
        assertThat(request.redirectUri()).isEqualTo(WEB_REDIRECT);
        assertThat(request.redirectUriGiven()).isTrue();
        assertThat(request.responseType()).isEqualTo(ResponseType.CODE);
        assertThat(request.responseMode()).isEqualTo(ResponseMode.QUERY);
        assertThat(request.scopes().asList()).containsExactly("openid", "read");
        assertThat(request.openid()).isTrue();
        assertThat(request.state()).isEqualTo("xyz");
        assertThat(request.nonce()).isEqualTo("n-0S6");
        assertThat(request.codeChallenge()).isEqualTo(new CodeChallenge(CHALLENGE, CodeChallengeMethod.S256));
        assertThat(request.prompts()).containsExactly(Prompt.LOGIN, Prompt.CONSENT);
        assertThat(request.noInteraction()).isFalse();
        assertThat(request.maxAge()).isEqualTo(OptionalInt.of(600));
        assertThat(request.display()).isEqualTo(Display.POPUP);
        assertThat(request.uiLocales()).containsExactly("fr-CA", "en");
        assertThat(request.claimsLocales()).containsExactly("ja", "en");
        assertThat(request.loginHint()).isEqualTo("alice@example.com");
        assertThat(request.idTokenHint()).isEqualTo("eyJ.hint.sig");
        assertThat(request.acrs()).containsExactly(ACR_MFA, ACR_PWD);
        assertThat(request.acrEssential()).isFalse();
        assertThat(request.resources()).containsExactly("https://api.example.com", "https://other.example.com");
        assertThat(request.claims()).isEqualTo(ClaimsRequest.NONE);
        assertThat(request.subject()).isNull();
        assertThat(request.toString()).doesNotContain("alice@example.com", "eyJ.hint.sig");
    }

    @Test
    void whenRequestIsValidThenTheActionIsInteraction() {
        AuthorizationResult result = VALIDATOR.validate(service(), webQuery());

        assertThat(result.action()).isEqualTo(AuthorizationAction.INTERACTION);
    }

    @Test
    void whenPromptIsNoneThenTheActionIsNoInteraction() {
        AuthorizationResult result = VALIDATOR.validate(service(), webQuery("prompt", "none", "scope", "openid profile",
                "redirect_uri", WEB_REDIRECT));

        assertThat(result.action()).isEqualTo(AuthorizationAction.NO_INTERACTION);
        assertThat(valid(result).request().noInteraction()).isTrue();
    }

    @Test
    void whenParametersAreMissingThenTheCallerErredWithA004201() {
        AuthorizationResult result = VALIDATOR.validate(service(), null);

        assertThat(result).isInstanceOf(AuthorizationResult.InternalServerError.class);
        assertThat(result.action()).isEqualTo(AuthorizationAction.INTERNAL_SERVER_ERROR);
        AuthorizationResult.InternalServerError failure = (AuthorizationResult.InternalServerError) result;
        assertThat(failure.error().result().code()).isEqualTo(ResultCode.AUTHORIZATION_PARAMETERS_MISSING);
        assertThat(failure.error().error()).isEqualTo(OAuthErrorCode.SERVER_ERROR);
    }

    @Test
    void whenClientLookupFailsThenTheResultIsAnInternalServerErrorNotAnException() {
        ClientLookup broken = new ClientLookup() {
            @Override
            public Optional<Client> findClient(long serviceId, long clientId) {
                throw new IllegalStateException("store down");
            }

            @Override
            public Optional<Client> findClientByAlias(long serviceId, String alias) {
                throw new IllegalStateException("store down");
            }
        };

        AuthorizationResult result = new AuthorizationRequestValidator(broken, new TestJsonReader())
                .validate(service(), webQuery());

        assertThat(result).isInstanceOf(AuthorizationResult.InternalServerError.class);
        assertThat(((AuthorizationResult.InternalServerError) result).error().result().code())
                .isEqualTo(ResultCode.AUTHORIZATION_UNEXPECTED_ERROR);
    }

    @Test
    void whenClientIsNamedByItsAliasThenTheAliasIsReportedAsUsed() {
        ValidatedAuthorizationRequest request = request(query("response_type", "code", "client_id", WEB_ALIAS));

        assertThat(request.client().client()).isEqualTo(WEB);
        assertThat(request.client().aliasUsed()).isTrue();
    }

    @Test
    void whenOneRedirectUriIsRegisteredAndNoneGivenThenItIsUsed() {
        ValidatedAuthorizationRequest request = request(webQuery());

        assertThat(request.redirectUri()).isEqualTo(WEB_REDIRECT);
        assertThat(request.redirectUriGiven()).isFalse();
    }

    @Test
    void whenRegisteredRedirectUriHasAQueryThenItMatchesExactly() {
        ValidatedAuthorizationRequest request = request(query("response_type", "code", "client_id", MULTI_ID,
                "redirect_uri", MULTI_REDIRECT_B));

        assertThat(request.redirectUri()).isEqualTo(MULTI_REDIRECT_B);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:51004/callback", "http://127.0.0.1/callback",
            "http://[::1]:61000/callback", "http://[::1]/callback", "http://localhost:8080/callback"})
    void whenNativeClientUsesALoopbackUriOnAnyPortThenItMatches(String redirectUri) {
        ValidatedAuthorizationRequest request = request(nativeQuery(redirectUri));

        assertThat(request.redirectUri()).isEqualTo(redirectUri);
        assertThat(request.redirectUriGiven()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:51004/other", "http://127.0.0.2:51004/callback",
            "https://127.0.0.1:51004/callback", "http://[::1]:61000/callback?x=1", "http://localhost.:80/callback",
            "http://127.0.0.1:51004/callback#", "http://[0:0:0:0:0:0:0:1]:5000/callback",
            "http://user@127.0.0.1:5000/callback"})
    void whenNativeClientLoopbackUriDiffersInMoreThanThePortThenItIsRefused(String redirectUri) {
        AuthorizationResult result = VALIDATOR.validate(service(), nativeQuery(redirectUri));

        assertThat(result).isInstanceOf(AuthorizationResult.BadRequest.class);
    }

    @Test
    void whenServiceMakesLoopbackPortsVariableThenWebClientsGetTheRuleToo() {
        String query = query("response_type", "code", "client_id", SPA_ID, "redirect_uri", "http://127.0.0.1:9999/cb",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256");

        badRequest(VALIDATOR.validate(service(), query), ResultCode.REDIRECT_URI_NOT_REGISTERED);
        ValidatedAuthorizationRequest request = request(service(s -> s.loopbackRedirectionUriVariable(true)), query);

        assertThat(request.redirectUri()).isEqualTo("http://127.0.0.1:9999/cb");
    }

    @Test
    void whenNativeClientUsesAPrivateUseSchemeThenItMatchesExactly() {
        ValidatedAuthorizationRequest request = request(nativeQuery("com.example.app:/oauth2redirect"));

        assertThat(request.redirectUri()).isEqualTo("com.example.app:/oauth2redirect");
    }

    @Test
    void whenStateHas128CharactersThenItIsCarriedExactly() {
        assertThat(STATE_128).hasSize(128);

        assertThat(request(webQuery("state", STATE_128)).state()).isEqualTo(STATE_128);
    }

    @Test
    void whenRequestWithA128CharacterStateIsRefusedThenTheStateIsEchoedExactly() {
        AuthorizationResult result = VALIDATOR.validate(service(), webQuery("state", STATE_128, "prompt",
                "none login"));

        AuthorizationResult.ErrorRedirect refusal = redirected(result, OAuthErrorCode.INVALID_REQUEST,
                ResultCode.PROMPT_NONE_COMBINED);
        assertThat(refusal.state()).isEqualTo(STATE_128);
        assertThat(refusal.location(null)).contains("&state=" + AuthorizationFixture.encode(STATE_128) + "&");
    }

    @Test
    void whenStateIsAtTheLimitThenItIsAcceptedAndBeyondItIsNotEchoed() {
        String longest = "s".repeat(AuthorizationRequestValidator.MAX_STATE_LENGTH);
        assertThat(request(webQuery("state", longest)).state()).isEqualTo(longest);

        AuthorizationResult result = VALIDATOR.validate(service(), webQuery("state", longest + "s"));

        assertThat(redirected(result, OAuthErrorCode.INVALID_REQUEST, ResultCode.STATE_TOO_LONG).state()).isNull();
    }

    @Test
    void whenStateIsRepeatedThenTheRefusalEchoesNeither() {
        AuthorizationResult result = VALIDATOR.validate(service(), webQuery("state", "a", "state", "b"));

        assertThat(redirected(result, OAuthErrorCode.INVALID_REQUEST, ResultCode.STATE_REPEATED).state()).isNull();
    }

    @Test
    void whenRefusedThenTheRedirectCarriesTheIssuerUnlessTheServiceSuppressesIt() {
        String query = webQuery("prompt", "bogus", "state", "s1");

        AuthorizationResult.ErrorRedirect withIss = redirected(VALIDATOR.validate(service(), query),
                OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_UNKNOWN);
        AuthorizationResult.ErrorRedirect suppressed = redirected(VALIDATOR.validate(
                service(s -> s.issSuppressed(true)), query), OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_UNKNOWN);
        AuthorizationResult.ErrorRedirect noIssuer = redirected(VALIDATOR.validate(service(s -> s.issuer(null)),
                query), OAuthErrorCode.INVALID_REQUEST, ResultCode.PROMPT_UNKNOWN);

        assertThat(withIss.issuer()).isEqualTo(ISSUER);
        assertThat(withIss.location(null)).isEqualTo(WEB_REDIRECT + "?error=invalid_request&error_description="
                + AuthorizationFixture.encode("[A016303] The value of 'prompt' contains an unknown value (bogus).")
                + "&state=s1&iss=https%3A%2F%2Fas.example.com");
        assertThat(suppressed.issuer()).isNull();
        assertThat(suppressed.location(null)).doesNotContain("iss=");
        assertThat(noIssuer.parameters(null)).doesNotContainKey("iss");
    }

    @Test
    void whenResponseModeIsFormPostThenRefusalsAreForms() {
        AuthorizationResult result = VALIDATOR.validate(service(), webQuery("response_mode", "form_post", "prompt",
                "bogus"));

        AuthorizationResult.ErrorRedirect refusal = redirected(result, OAuthErrorCode.INVALID_REQUEST,
                ResultCode.PROMPT_UNKNOWN);
        assertThat(refusal.action()).isEqualTo(AuthorizationAction.FORM);
        assertThat(refusal.parameters("https://docs.example.com/#")).containsExactly(
                Map.entry("error", "invalid_request"),
                Map.entry("error_description", "[A016303] The value of 'prompt' contains an unknown value (bogus)."),
                Map.entry("error_uri", "https://docs.example.com/#A016303"),
                Map.entry("iss", ISSUER));
    }

    @Test
    void whenResponseModeIsGivenThenValidRequestsUseIt() {
        assertThat(request(webQuery("response_mode", "form_post")).responseMode()).isEqualTo(ResponseMode.FORM_POST);
        assertThat(request(webQuery("response_mode", "fragment")).responseMode()).isEqualTo(ResponseMode.FRAGMENT);
        assertThat(request(webQuery("response_mode", "query")).responseMode()).isEqualTo(ResponseMode.QUERY);
    }

    @Test
    void whenUnknownScopesAreRequestedThenTheyAreDroppedSilently() {
        assertThat(request(webQuery("scope", "read unknown write")).scopes().asList()).containsExactly("read", "write");
    }

    @Test
    void whenNoScopeIsValidThenTheDefaultScopesApply() {
        assertThat(request(webQuery()).scopes().asList()).containsExactly("read");
        assertThat(request(webQuery("scope", "unknown")).scopes().asList()).containsExactly("read");
    }

    @Test
    void whenClientMayNotRequestAScopeThenItIsDropped() {
        assertThat(request(query("response_type", "code", "client_id", READ_ONLY_ID, "scope", "read write"))
                .scopes().asList()).containsExactly("read");
    }

    @Test
    void whenOpenIdIsNotSupportedByTheServiceThenTheRequestIsPlainOAuth() {
        Service service = AuthorizationFixture.serviceBuilder(s -> s)
                .scopes(io.grantsmith.core.model.ScopeCatalog.of("read", "profile")).build();

        ValidatedAuthorizationRequest request = request(service, webQuery("scope", "openid profile",
                "redirect_uri", WEB_REDIRECT));

        assertThat(request.openid()).isFalse();
        assertThat(request.idTokenClaims()).isEmpty();
        assertThat(request.userInfoClaims()).isEmpty();
    }

    @Test
    void whenOfflineAccessComesWithoutPromptConsentThenItIsDropped() {
        assertThat(request(webQuery("scope", "openid offline_access", "redirect_uri", WEB_REDIRECT)).scopes()
                .asList()).containsExactly("openid");
        assertThat(request(webQuery("scope", "openid offline_access", "redirect_uri", WEB_REDIRECT, "prompt",
                "consent")).scopes().asList()).containsExactly("openid", "offline_access");
        assertThat(request(webQuery("scope", "offline_access read")).scopes().asList())
                .as("not an OpenID Connect request: offline_access is an ordinary scope")
                .containsExactly("offline_access", "read");
    }

    @Test
    void whenShortcutScopesAreRequestedThenTheirClaimsAreListedForBothTargets() {
        ValidatedAuthorizationRequest request = request(webQuery("scope", "openid email phone",
                "redirect_uri", WEB_REDIRECT));

        assertThat(request.idTokenClaims()).containsExactly("email", "email_verified", "phone_number",
                "phone_number_verified");
        assertThat(request.userInfoClaims()).containsExactly("email", "email_verified", "phone_number",
                "phone_number_verified");
    }

    @Test
    void whenClaimShortcutIsRestrictiveThenShortcutClaimsGoToUserInfoOnlyWithACode() {
        ValidatedAuthorizationRequest request = request(service(s -> s.claimShortcutRestrictive(true)),
                webQuery("scope", "openid address", "redirect_uri", WEB_REDIRECT));

        assertThat(request.idTokenClaims()).isEmpty();
        assertThat(request.userInfoClaims()).containsExactly("address");
    }

    @Test
    void whenClaimsParameterNamesClaimsThenTheyAreParsedAndListed() {
        ValidatedAuthorizationRequest request = request(webQuery("scope", "openid", "redirect_uri", WEB_REDIRECT,
                "claims", "{\"id_token\":{\"email\":{\"essential\":true},\"name#ja-Kana-JP\":null,"
                        + "\"auth_time\":{\"essential\":true},\"sub\":{\"value\":\"248289761001\"},"
                        + "\"acr\":{\"essential\":true,\"values\":[\"" + ACR_MFA + "\"]}},"
                        + "\"userinfo\":{\"nickname\":{\"values\":[\"a\",null,2]},\"picture\":{\"x\":1}},"
                        + "\"transformed_claims\":{}}"));

        ClaimsRequest claims = request.claims();
        assertThat(claims.present()).isTrue();
        assertThat(claims.idToken().keySet()).containsExactly("email", "name#ja-Kana-JP", "auth_time", "sub", "acr");
        assertThat(claims.idToken().get("email")).isEqualTo(new ClaimRequest(true, null, List.of()));
        assertThat(claims.idToken().get("name#ja-Kana-JP")).isEqualTo(ClaimRequest.VOLUNTARY);
        assertThat(claims.userInfo().get("nickname").values()).containsExactly("a", null, 2L);
        assertThat(request.idTokenClaims()).containsExactly("email", "name#ja-Kana-JP");
        assertThat(request.userInfoClaims()).containsExactly("nickname", "picture");
        assertThat(request.subject()).isEqualTo("248289761001");
        assertThat(request.acrs()).containsExactly(ACR_MFA);
        assertThat(request.acrEssential()).isTrue();
    }

    @Test
    void whenServiceListsSupportedClaimsThenOnlyThoseAreListed() {
        ValidatedAuthorizationRequest request = request(service(s -> s.claims(List.of("email", "name"))),
                webQuery("scope", "openid email profile", "redirect_uri", WEB_REDIRECT));

        assertThat(request.idTokenClaims()).containsExactly("name", "email");
    }

    @Test
    void whenClaimsParameterComesWithoutOpenIdThenNoClaimNamesAreListed() {
        ValidatedAuthorizationRequest request = request(webQuery("claims", "{\"userinfo\":{\"email\":null}}"));

        assertThat(request.claims().userInfo()).containsKey("email");
        assertThat(request.userInfoClaims()).isEmpty();
    }

    @Test
    void whenAcrsComeFromSeveralPlacesThenClaimsWinOverAcrValuesOverClientDefaults() {
        String essentialPwd = "{\"id_token\":{\"acr\":{\"value\":\"" + ACR_PWD + "\"}}}";

        assertThat(request(webQuery("acr_values", ACR_MFA, "claims", essentialPwd)).acrs()).containsExactly(ACR_PWD);
        assertThat(request(query("response_type", "code", "client_id", DEFAULTS_ID, "acr_values", ACR_MFA)).acrs())
                .containsExactly(ACR_MFA);
        ValidatedAuthorizationRequest defaults = request(query("response_type", "code", "client_id", DEFAULTS_ID));
        assertThat(defaults.acrs()).containsExactly(ACR_PWD);
        assertThat(defaults.acrEssential()).isFalse();
    }

    @Test
    void whenMaxAgeIsAbsentOrZeroOrDefaultedThenTheyStayDistinct() {
        assertThat(request(webQuery()).maxAge()).isEmpty();
        assertThat(request(webQuery("max_age", "0")).maxAge()).isEqualTo(OptionalInt.of(0));
        assertThat(request(webQuery("max_age", "2147483647")).maxAge()).isEqualTo(OptionalInt.of(Integer.MAX_VALUE));
        assertThat(request(query("response_type", "code", "client_id", DEFAULTS_ID)).maxAge())
                .isEqualTo(OptionalInt.of(3600));
        assertThat(request(query("response_type", "code", "client_id", DEFAULTS_ID, "max_age", "0")).maxAge())
                .isEqualTo(OptionalInt.of(0));
    }

    @Test
    void whenDisplayIsAbsentThenItIsPage() {
        assertThat(request(webQuery()).display()).isEqualTo(Display.PAGE);
    }

    @Test
    void whenOptionalParametersAreSentEmptyThenTheyCountAsOmitted() {
        ValidatedAuthorizationRequest request = request(webQuery("state", "", "nonce", "", "prompt", "",
                "max_age", "", "display", "", "login_hint", "", "claims", "", "acr_values", "", "redirect_uri", "",
                "response_mode", ""));

        assertThat(request.state()).isNull();
        assertThat(request.nonce()).isNull();
        assertThat(request.prompts()).isEmpty();
        assertThat(request.maxAge()).isEmpty();
        assertThat(request.loginHint()).isNull();
        assertThat(request.claims().present()).isFalse();
        assertThat(request.redirectUriGiven()).isFalse();
    }

    @Test
    void whenChallengeHasNoMethodThenItIsPlain() {
        assertThat(request(webQuery("code_challenge", CHALLENGE)).codeChallenge())
                .isEqualTo(new CodeChallenge(CHALLENGE, CodeChallengeMethod.PLAIN));
        assertThat(request(webQuery()).codeChallenge()).isNull();
    }

    @Test
    void whenPublicClientSendsAnS256ChallengeThenTheRequestIsValid() {
        ValidatedAuthorizationRequest request = request(nativeQuery("http://127.0.0.1:4000/callback"));

        assertThat(request.codeChallenge().method()).isEqualTo(CodeChallengeMethod.S256);
    }

    @Test
    void whenRequestIsPostedWithPlusForSpacesThenItIsDecodedAsAForm() {
        ValidatedAuthorizationRequest request = request("response_type=code&client_id=3001&scope=openid+read"
                + "&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb");

        assertThat(request.scopes().asList()).containsExactly("openid", "read");
    }

    private static String nativeQuery(String redirectUri) {
        return query("response_type", "code", "client_id", NATIVE_ID, "redirect_uri", redirectUri,
                "code_challenge", CHALLENGE, "code_challenge_method", "S256");
    }
}
