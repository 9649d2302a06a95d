package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /auth/authorization/issue} and {@code /fail} refuse with the same {@link AuthorizationRefusal} records; the
 * kind of the step's refusal decides the action.
 */
class AuthorizationIssueAndFailRefusalTest {
    private static final Service SERVICE = AuthorizationFixture.service();
    private static final OAuthError ERROR = new OAuthError(OAuthErrorCode.INVALID_REQUEST,
            ResultCode.AUTHORIZATION_ISSUE_TICKET_NOT_FOUND.message());

    @Test
    void whenTheStepRefusesTheClientsRequestThenItIsABadRequestWithTheStepsError() {
        AuthorizationRefusal refusal = AuthorizationRefusal.of(SERVICE,
                new OAuthException(FailureKind.BAD_REQUEST, ERROR));

        assertThat(refusal).isInstanceOf(AuthorizationRefusal.BadRequest.class);
        assertThat(refusal.action()).isEqualTo(AuthorizationAction.BAD_REQUEST);
        assertThat(refusal.error()).isSameAs(ERROR);
        assertThat(refusal.result().code().code()).isEqualTo("A041202");
        assertThat(refusal.service()).isSameAs(SERVICE);
    }

    @ParameterizedTest
    @EnumSource(value = FailureKind.class, names = "BAD_REQUEST", mode = EnumSource.Mode.EXCLUDE)
    void whenTheStepFailsOtherwiseThenItIsAnInternalServerError(FailureKind kind) {
        AuthorizationRefusal refusal = AuthorizationRefusal.of(SERVICE, new OAuthException(kind, ERROR));

        assertThat(refusal).isInstanceOf(AuthorizationRefusal.InternalServerError.class);
        assertThat(refusal.action()).isEqualTo(AuthorizationAction.INTERNAL_SERVER_ERROR);
        assertThat(refusal.result()).isEqualTo(ERROR.result());
    }
}
