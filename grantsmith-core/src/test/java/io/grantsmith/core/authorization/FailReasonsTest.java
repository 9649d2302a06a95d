package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.AuthorizationFailRequest.Reason;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reason of {@code /auth/authorization/fail} against the table of Authlete's mapping (the reference's §4:
 * the {@code error} of authlete-java-common's {@code AuthorizationFailRequest.Reason} and the result code matched by
 * message in Authlete's catalogue; the three 4.46 reasons carry Grantsmith codes).
 */
class FailReasonsTest {
    private static final Map<Reason, String> EXPECTED = expected();

    @ParameterizedTest
    @EnumSource(Reason.class)
    void whenTheServerFailsARequestForAReasonThenTheClientGetsAuthletesErrorForIt(Reason reason) {
        FailReasons.Outcome outcome = FailReasons.of(reason);

        assertThat(EXPECTED).as("every reason is in the table").containsKey(reason);
        assertThat(outcome.error().wireValue() + " " + outcome.code().code()).isEqualTo(EXPECTED.get(reason));
    }

    private static Map<Reason, String> expected() {
        Map<Reason, String> table = new EnumMap<>(Reason.class);
        table.put(Reason.UNKNOWN, "server_error A060307");
        table.put(Reason.NOT_LOGGED_IN, "login_required A060301");
        table.put(Reason.MAX_AGE_NOT_SUPPORTED, "login_required A060302");
        table.put(Reason.EXCEEDS_MAX_AGE, "login_required A060303");
        table.put(Reason.DIFFERENT_SUBJECT, "login_required A060304");
        table.put(Reason.ACR_NOT_SATISFIED, "unmet_authentication_requirements A060305");
        table.put(Reason.DENIED, "access_denied A060306");
        table.put(Reason.SERVER_ERROR, "server_error A060308");
        table.put(Reason.NOT_AUTHENTICATED, "login_required A060309");
        table.put(Reason.ACCOUNT_SELECTION_REQUIRED, "account_selection_required A060310");
        table.put(Reason.CONSENT_REQUIRED, "consent_required A060311");
        table.put(Reason.INTERACTION_REQUIRED, "interaction_required A060312");
        table.put(Reason.INVALID_TARGET, "invalid_target A060313");
        table.put(Reason.INVALID_SCOPE, "invalid_scope A060391");
        table.put(Reason.UNAUTHORIZED_CLIENT, "unauthorized_client A060392");
        table.put(Reason.TEMPORARILY_UNAVAILABLE, "temporarily_unavailable A060393");
        return table;
    }
}
