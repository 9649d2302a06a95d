package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.failRefused;
import static io.grantsmith.testkit.EngineAssertions.failResult;
import static io.grantsmith.testkit.EngineAssertions.issueRefused;
import static io.grantsmith.testkit.EngineAssertions.issued;
import static io.grantsmith.testkit.TokenRequests.failRequest;
import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.TokenFailRequest.Reason;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.TokenEngineBuilder;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.TokenFailResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The life of a password-grant ticket: {@code /auth/token/fail} and its reasons, and a ticket that is missing,
 * unknown, of another service, expired or already used by issue or fail.
 */
public abstract class TicketBehaviour extends EngineBehaviourSuite {
    static Stream<Arguments> failReasons() {
        return Stream.of(
                Arguments.of(Reason.INVALID_RESOURCE_OWNER_CREDENTIALS, TokenFailResult.BadRequest.class,
                        OAuthErrorCode.INVALID_REQUEST, ResultCode.FAIL_INVALID_CREDENTIALS),
                Arguments.of(Reason.INVALID_TARGET, TokenFailResult.BadRequest.class, OAuthErrorCode.INVALID_TARGET,
                        ResultCode.FAIL_INVALID_TARGET),
                Arguments.of(Reason.INVALID_CLIENT, TokenFailResult.BadRequest.class, OAuthErrorCode.INVALID_CLIENT,
                        ResultCode.FAIL_INVALID_CLIENT),
                Arguments.of(Reason.UNAUTHORIZED_CLIENT, TokenFailResult.BadRequest.class,
                        OAuthErrorCode.UNAUTHORIZED_CLIENT, ResultCode.FAIL_UNAUTHORIZED_CLIENT),
                Arguments.of(Reason.INVALID_SCOPE, TokenFailResult.BadRequest.class, OAuthErrorCode.INVALID_SCOPE,
                        ResultCode.FAIL_INVALID_SCOPE),
                Arguments.of(Reason.UNKNOWN, TokenFailResult.InternalServerError.class, OAuthErrorCode.SERVER_ERROR,
                        ResultCode.FAIL_UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failReasons")
    void whenCallerFailsTheTicketThenTheReasonDecidesTheRefusalAndTheTicketIsUsedUp(Reason reason,
            Class<? extends TokenFailResult> type, OAuthErrorCode error, ResultCode code) {
        String ticket = fixture.ticket(EngineFixture.service());

        TokenFailResult result = fixture.fail(failRequest(ticket, reason));

        failResult(result, type, error, code);
        assertThat(result.facts().client().client().id()).isEqualTo(3001);
        assertThat(result.facts().grantType()).isEqualTo(GrantType.PASSWORD);
        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)), ResultCode.TICKET_ALREADY_USED);
    }

    static Stream<Arguments> issueTicketProblems() {
        return Stream.of(
                Arguments.of("ticket missing", null, ResultCode.ISSUE_TICKET_MISSING, ResultCode.FAIL_TICKET_MISSING),
                Arguments.of("ticket empty", "", ResultCode.ISSUE_TICKET_MISSING, ResultCode.FAIL_TICKET_MISSING),
                Arguments.of("ticket unknown", "no-such-ticket", ResultCode.ISSUE_TICKET_NOT_FOUND,
                        ResultCode.FAIL_TICKET_NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("issueTicketProblems")
    void whenTicketIsMissingOrUnknownThenTheCallerIsTold(String name, String ticket, ResultCode issueCode,
            ResultCode failCode) {
        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)), issueCode);
        failRefused(fixture.fail(failRequest(ticket, Reason.INVALID_RESOURCE_OWNER_CREDENTIALS)), failCode);
    }

    @Test
    void whenTicketBelongsToAnotherServiceThenItIsNotFound() {
        String ticket = fixture.ticket(EngineFixture.service());
        Service other = Service.builder(EngineFixture.OTHER_SERVICE_ID).build();

        issueRefused(fixture.issue(other, issueRequest(ticket, EngineFixture.SUBJECT)),
                ResultCode.ISSUE_TICKET_NOT_FOUND);
        issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));
    }

    @Test
    void whenTicketLifetimeHasPassedThenIssueAndFailReportItExpired() {
        String ticket = fixture.ticket(EngineFixture.service());
        String other = fixture.ticket(EngineFixture.service());

        fixture.clock().advance(TokenEngineBuilder.DEFAULT_TICKET_LIFETIME);

        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)), ResultCode.ISSUE_TICKET_EXPIRED);
        failRefused(fixture.fail(failRequest(other, Reason.UNKNOWN)), ResultCode.FAIL_TICKET_EXPIRED);
    }

    @Test
    void whenTicketIsUsedJustBeforeItsLifetimeEndsThenItWorks() {
        String ticket = fixture.ticket(EngineFixture.service());

        fixture.clock().advance(TokenEngineBuilder.DEFAULT_TICKET_LIFETIME.minusMillis(1));

        issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));
    }

    @Test
    void whenTicketWasUsedByIssueThenNeitherIssueNorFailCanUseItAgain() {
        String ticket = fixture.ticket(EngineFixture.service());
        issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));

        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)), ResultCode.TICKET_ALREADY_USED);
        failRefused(fixture.fail(failRequest(ticket, Reason.INVALID_RESOURCE_OWNER_CREDENTIALS)),
                ResultCode.TICKET_ALREADY_USED);
    }

    @Test
    void whenFailHasNoReasonThenTheCallerIsToldAndTheTicketStaysUsable() {
        String ticket = fixture.ticket(EngineFixture.service());

        failRefused(fixture.fail(failRequest(ticket, null)), ResultCode.FAIL_REASON_MISSING);
        issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));
    }
}
