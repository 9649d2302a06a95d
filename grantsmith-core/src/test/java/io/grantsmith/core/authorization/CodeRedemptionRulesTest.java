package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.model.RequestedAuthorization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6749 §4.1.3 and RFC 7636 §4.5 at the token endpoint: what a redemption must repeat of its request. */
class CodeRedemptionRulesTest {
    private static final String REDIRECT = "https://client.example/cb";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static RequestedAuthorization request(boolean redirectUriGiven) {
        return RequestedAuthorization.builder().clientId(7, false).redirectUri(REDIRECT, redirectUriGiven)
                .codeChallenge(CHALLENGE, CodeChallengeMethod.S256).build();
    }

    @Test
    void whenTheRequestRepeatsWhatItMustThenTheRedemptionPasses() {
        assertThatCode(() -> CodeRedemptionRules.check(request(true), 7, REDIRECT, VERIFIER))
                .doesNotThrowAnyException();
        assertThatCode(() -> CodeRedemptionRules.check(request(false), 7, null, VERIFIER))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            "another client, true, 8, https://client.example/cb, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, A050307",
            "redirect_uri left out, true, 7, NULL, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, A050308",
            "another redirect_uri, true, 7, https://client.example/cb2, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, A050309",
            "redirect_uri the request did not have, false, 7, https://client.example/cb, "
                    + "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, A050310",
            "no verifier, true, 7, https://client.example/cb, NULL, A050312",
            "wrong verifier, true, 7, https://client.example/cb, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXx, A050315"})
    void whenTheRequestDiffersThenInvalidGrant(String name, boolean redirectUriGiven, long clientId,
            String redirectUri, String verifier, String code) {
        assertThatThrownBy(() -> CodeRedemptionRules.check(request(redirectUriGiven), clientId, redirectUri,
                verifier)).isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().error()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
                    assertThat(e.error().result().code().code()).isEqualTo(code);
                });
    }
}
