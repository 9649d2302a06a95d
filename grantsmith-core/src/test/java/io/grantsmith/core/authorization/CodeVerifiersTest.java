package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7636's verifier rules at the token endpoint, with the example of its Appendix B. */
class CodeVerifiersTest {
    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void whenTheVerifierMatchesThenItPasses() {
        assertThatCode(() -> CodeVerifiers.verify(CHALLENGE, CodeChallengeMethod.S256, VERIFIER))
                .doesNotThrowAnyException();
        assertThatCode(() -> CodeVerifiers.verify(VERIFIER, CodeChallengeMethod.PLAIN, VERIFIER))
                .doesNotThrowAnyException();
        assertThatCode(() -> CodeVerifiers.verify(null, null, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            "missing verifier, E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, S256, NULL, A050312",
            "empty verifier, E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, S256, '', A050313",
            "short verifier, E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, S256, abc, A050316",
            "verifier with a space, E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, S256, "
                    + "'dBjftJeZ4CVP mB92K27uhbUJU1p1r_wW1gFWFOEjXk', A050316",
            "wrong verifier, E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, S256, "
                    + "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXx, A050315",
            "S256 challenge sent as plain verifier, E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, S256, "
                    + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, A050315",
            "plain challenge with another verifier, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, PLAIN, "
                    + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM, A050315",
            "verifier without challenge, NULL, NULL, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, A050317"})
    void whenTheVerifierIsWrongThenInvalidGrant(String name, String challenge, CodeChallengeMethod method,
            String verifier, String code) {
        assertThatThrownBy(() -> CodeVerifiers.verify(challenge, method, verifier))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().error()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
                    assertThat(e.error().result().code().code()).isEqualTo(code);
                });
    }

    @Test
    void whenS256IsComputedThenItIsRfc7636sExample() {
        assertThat(CodeVerifiers.s256(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(ResultCode.CODE_VERIFIER_MISMATCH.code()).isEqualTo("A050315");
    }
}
