package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizationResponseUrlsTest {
    private static Map<String, String> parameters(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://c.example.com/cb | QUERY | https://c.example.com/cb?code=a&state=b",
            "https://c.example.com/cb?tenant=1 | QUERY | https://c.example.com/cb?tenant=1&code=a&state=b",
            "https://c.example.com/cb? | QUERY | https://c.example.com/cb?code=a&state=b",
            "https://c.example.com/cb?x=1& | QUERY | https://c.example.com/cb?x=1&code=a&state=b",
            "https://c.example.com/cb | FRAGMENT | https://c.example.com/cb#code=a&state=b",
            "https://c.example.com/cb?tenant=1 | FRAGMENT | https://c.example.com/cb?tenant=1#code=a&state=b",
            "https://c.example.com/cb#keep | QUERY | https://c.example.com/cb?code=a&state=b#keep",
            "com.example.app:/cb | QUERY | com.example.app:/cb?code=a&state=b"})
    void whenParametersAreAddedThenTheRedirectUriKeepsItsQueryAndGainsTheRightSeparator(String redirectUri,
            ResponseMode mode, String expected) {
        assertThat(AuthorizationResponseUrls.location(redirectUri, mode, parameters("code", "a", "state", "b")))
                .isEqualTo(expected);
    }

    @Test
    void whenValuesNeedEncodingThenTheyAreFormEncodedInUtf8() {
        String url = AuthorizationResponseUrls.location("https://c.example.com/cb", ResponseMode.QUERY,
                parameters("error_description", "[A1] a b&c=d#e+f%g/h?\u00e9\u4e00\ud83d\ude00",
                        "iss", "https://as.example.com/t1"));

        assertThat(url).isEqualTo("https://c.example.com/cb?error_description="
                + "%5BA1%5D+a+b%26c%3Dd%23e%2Bf%25g%2Fh%3F%C3%A9%E4%B8%80%F0%9F%98%80"
                + "&iss=https%3A%2F%2Fas.example.com%2Ft1");
    }

    @Test
    void whenAValueIsNullThenItsParameterIsLeftOut() {
        assertThat(AuthorizationResponseUrls.location("https://c.example.com/cb", ResponseMode.QUERY,
                parameters("error", "access_denied", "state", null, "iss", "i")))
                .isEqualTo("https://c.example.com/cb?error=access_denied&iss=i");
    }

    @Test
    void whenModeIsFormPostThenNoUrlIsBuilt() {
        assertThatThrownBy(() -> AuthorizationResponseUrls.location("https://c.example.com/cb",
                ResponseMode.FORM_POST, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenDescriptionHoldsCharactersRfc6749ForbidsThenEachBecomesAQuestionMark() {
        assertThat(AuthorizationResponseUrls.errorDescription("[A011304] The value of 'redirect_uri' "
                + "(\"x\\y\u00e9\ud83d\ude00\t) is not registered."))
                .isEqualTo("[A011304] The value of 'redirect_uri' (?x?y???) is not registered.");
        String clean = "[A016303] Every allowed character: !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~";
        assertThat(AuthorizationResponseUrls.errorDescription(clean)).isSameAs(clean);
    }

    @Test
    void whenErrorRedirectQuotesARequestValueThenItsDescriptionIsSanitized() {
        Service service = AuthorizationFixture.service();
        AuthorizationResult.ErrorRedirect redirect = new AuthorizationResult.ErrorRedirect(service,
                new ClientIdentity(AuthorizationFixture.WEB, false, null), "https://c.example.com/cb",
                ResponseMode.FRAGMENT, new OAuthError(OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.ACR_NOT_SUPPORTED.message("say \"hi\"\\")), "st", "https://as.example.com");

        assertThat(redirect.location(null)).isEqualTo("https://c.example.com/cb#error=invalid_request"
                + "&error_description=%5BA021304%5D+The+authentication+context+class+%27say+%3Fhi%3F%3F%27+is+not"
                + "+supported+by+the+service.&state=st&iss=https%3A%2F%2Fas.example.com");
    }

    @Test
    void whenServiceOmitsDescriptionAndUriThenTheRedirectCarriesNeither() {
        Service service = AuthorizationFixture.serviceBuilder(s -> s).errorDescriptionOmitted(true)
                .errorUriOmitted(true).build();
        AuthorizationResult.ErrorRedirect redirect = new AuthorizationResult.ErrorRedirect(service,
                new ClientIdentity(AuthorizationFixture.WEB, false, null), "https://c.example.com/cb",
                ResponseMode.QUERY, new OAuthError(OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.STATE_REPEATED.message()), null, null);

        assertThat(redirect.location("https://docs.example.com/#"))
                .isEqualTo("https://c.example.com/cb?error=invalid_request");
    }

    @Test
    void whenErrorRedirectIsAFormThenNoLocationIsBuilt() {
        AuthorizationResult.ErrorRedirect redirect = new AuthorizationResult.ErrorRedirect(
                AuthorizationFixture.service(), new ClientIdentity(AuthorizationFixture.WEB, false, null),
                "https://c.example.com/cb", ResponseMode.FORM_POST, new OAuthError(OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.STATE_REPEATED.message()), null, null);

        assertThatThrownBy(() -> redirect.location(null)).isInstanceOf(IllegalStateException.class);
        assertThat(redirect.action()).isEqualTo(AuthorizationAction.FORM);
    }
}
