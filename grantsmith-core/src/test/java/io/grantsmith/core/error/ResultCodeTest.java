package io.grantsmith.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultCodeTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%(.)");
    /** Mistakes of the API caller (the authorization server), reported as INTERNAL_SERVER_ERROR. */
    private static final Set<ResultCode> CALLER_MISTAKES = EnumSet.of(ResultCode.PARAMETERS_MISSING,
            ResultCode.ISSUE_TICKET_MISSING, ResultCode.ISSUE_TICKET_NOT_FOUND, ResultCode.FAIL_TICKET_MISSING,
            ResultCode.FAIL_TICKET_NOT_FOUND, ResultCode.FAIL_REASON_MISSING,
            ResultCode.AUTHORIZATION_PARAMETERS_MISSING, ResultCode.STANDARD_INTROSPECTION_PARAMETERS_MISSING,
            ResultCode.REVOCATION_PARAMETERS_MISSING,
            // the service's keys and issuer, which the authorization server configures
            ResultCode.ID_TOKEN_SIGNING_KEY_MISSING, ResultCode.ID_TOKEN_ISSUER_MISSING,
            ResultCode.USERINFO_ISSUE_CLAIMS_MALFORMED, ResultCode.USERINFO_SIGNING_KEY_MISSING,
            // what the authorization server sends to /auth/authorization/issue and /fail
            ResultCode.AUTHORIZATION_ISSUE_TICKET_MISSING, ResultCode.AUTHORIZATION_ISSUE_TICKET_NOT_FOUND,
            ResultCode.AUTHORIZATION_ISSUE_SUBJECT_MISSING, ResultCode.AUTHORIZATION_ISSUE_SUBJECT_TOO_LONG,
            ResultCode.AUTHORIZATION_ISSUE_SUBJECT_NOT_ASCII, ResultCode.AUTHORIZATION_ISSUE_SUBJECT_MISMATCH,
            ResultCode.AUTHORIZATION_ISSUE_SUB_INVALID, ResultCode.AUTHORIZATION_ISSUE_ACR_TOO_LONG,
            ResultCode.AUTHORIZATION_ISSUE_CLAIMS_MALFORMED, ResultCode.AUTHORIZATION_ISSUE_AUD_TYPE_INVALID,
            ResultCode.AUTHORIZATION_ISSUE_HEADER_PARAMS_MALFORMED, ResultCode.AUTHORIZATION_ISSUE_HEADER_PARAMS_RESERVED,
            ResultCode.AUTHORIZATION_ISSUE_HEADER_PARAMS_TOO_BIG, ResultCode.AUTHORIZATION_ISSUE_DETAILS_NOT_IMPLEMENTED,
            ResultCode.AUTHORIZATION_FAIL_TICKET_MISSING,
            ResultCode.AUTHORIZATION_FAIL_TICKET_NOT_FOUND, ResultCode.AUTHORIZATION_FAIL_REASON_MISSING);

    @ParameterizedTest
    @EnumSource(ResultCode.class)
    void whenCodeIsDefinedThenItIsAFollowedBySixDigitsWithAKnownCategory(ResultCode code) {
        assertThat(code.code()).matches("A\\d{6}");
        assertThat(code.category().digit()).isEqualTo(code.code().charAt(4));
    }

    @Test
    void whenCodesAreListedThenNoneIsUsedTwice() {
        List<String> duplicates = Arrays.stream(ResultCode.values())
                .collect(Collectors.groupingBy(ResultCode::code, Collectors.counting()))
                .entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();

        assertThat(duplicates).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResultCode.class)
    void whenCodeReportsAnOutcomeThenItsCategorySaysWhoCausedIt(ResultCode code) {
        assertThat(code.category()).isEqualTo(expectedCategory(code));
    }

    @ParameterizedTest
    @EnumSource(ResultCode.class)
    void whenMessageIsFilledThenEveryPlaceholderIsReplaced(ResultCode code) {
        String template = code.message().text();
        Object[] args = PLACEHOLDER.matcher(template).results().map(ResultCodeTest::sample).toArray();

        ResultMessage message = code.message(args);

        assertThat(message.text()).doesNotContain("%").isNotBlank();
        assertThat(message.formatted()).isEqualTo("[" + code.code() + "] " + message.text());
        assertThat(message).hasToString(message.formatted());
    }

    @Test
    void whenCategoryDigitIsUnknownThenTheCodeIsRejected() {
        assertThatThrownBy(() -> ResultCategory.ofCode("A047401")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ResultCategory.ofCode("A047191")).isEqualTo(ResultCategory.SERVER_ERROR);
    }

    private static ResultCategory expectedCategory(ResultCode code) {
        String name = code.name();
        if (name.endsWith("_OK") || code == ResultCode.PASSWORD_TICKET_ISSUED
                || code == ResultCode.REFRESH_ID_TOKEN_REISSUABLE || code == ResultCode.ID_TOKEN_REISSUED) {
            return ResultCategory.SUCCESS;
        }
        if (name.endsWith("_FAILED") || name.endsWith("_SETTING_UNSUPPORTED") || name.endsWith("UNEXPECTED_ERROR")
                || code == ResultCode.PASSWORD_VERIFICATION_BUSY) {
            return ResultCategory.SERVER_ERROR;
        }
        // /idtoken/reissue is called by the authorization server only: every refusal is its mistake
        if (CALLER_MISTAKES.contains(code) || name.startsWith("SUBJECT_") || name.startsWith("ID_TOKEN_REISSUE_") || name.endsWith("_PROPERTIES_TOO_BIG")
                || name.endsWith("_ACCESS_TOKEN_INVALID") || name.endsWith("_ACCESS_TOKEN_IN_USE")) {
            return ResultCategory.CALLER_ERROR;
        }
        return ResultCategory.CLIENT_ERROR;
    }

    /** A value for one placeholder: a number for {@code %d}, text for {@code %s}. */
    private static Object sample(MatchResult placeholder) {
        String conversion = placeholder.group(1);
        if ("d".equals(conversion)) {
            return 42L;
        }
        assertThat(conversion).as("placeholder conversion").isEqualTo("s");
        return "value";
    }
}
