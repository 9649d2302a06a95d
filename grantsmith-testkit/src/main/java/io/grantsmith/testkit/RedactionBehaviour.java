package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.issuance;
import static io.grantsmith.testkit.EngineAssertions.issued;
import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenIssueResult;
import io.grantsmith.core.result.TokenResult;
import org.junit.jupiter.api.Test;

/**
 * Results and records end up in logs and debuggers: their {@code toString()} must never show a client secret,
 * a password, a ticket or a token value.
 */
public abstract class RedactionBehaviour extends EngineBehaviourSuite {
    private static final Service SERVICE = EngineFixture.service();

    @Test
    void whenPasswordGrantIsAcceptedThenTheResultHidesPasswordTicketAndClientSecret() {
        TokenResult.Password result = EngineAssertions.password(fixture.process(EngineFixture.passwordRequest()));

        assertHides(result, EngineFixture.PASSWORD, result.ticket(), TestClients.BASIC_SECRET);
        assertThat(result.toString()).contains(EngineFixture.USERNAME);
    }

    @Test
    void whenTokensAreIssuedThenResultsAndRecordsHideTheTokenValues() {
        TokenIssueResult.Ok ok = issued(fixture.issue(issueRequest(fixture.ticket(SERVICE), EngineFixture.SUBJECT)));
        Issuance issuance = ok.issuance();
        String accessToken = issuance.accessToken().value();
        String refreshToken = issuance.refreshToken().value();

        assertHides(ok, accessToken, refreshToken, TestClients.BASIC_SECRET);
        assertHides(fixture.accessToken(accessToken).orElseThrow(), accessToken);
        assertHides(fixture.refreshToken(refreshToken).orElseThrow(), refreshToken);
    }

    @Test
    void whenRefreshSucceedsThenTheResultHidesOldAndNewTokens() {
        Issuance grant = fixture.grant(SERVICE);

        TokenResult.Ok ok = EngineAssertions.ok(fixture.refresh(SERVICE, grant.refreshToken().value()));

        assertHides(ok, grant.refreshToken().value(), ok.issuance().refreshToken().value(),
                ok.issuance().accessToken().value(), TestClients.BASIC_SECRET);
    }

    @Test
    void whenCallerChoosesTheAccessTokenThenTheResultHidesIt() {
        String chosen = "caller-chosen-secret-token";

        TokenResult result = fixture.process(TokenRequests.basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET,
                "grant_type", "client_credentials").setAccessToken(chosen));

        assertThat(issuance(result).accessToken().value()).isEqualTo(chosen);
        assertHides(result, chosen, TestClients.BASIC_SECRET);
    }

    @Test
    void whenClientSecretIsWrongThenTheRefusalShowsNeitherSecret() {
        String wrong = "wrong-but-close-secret";

        TokenResult result = fixture.process(TokenRequests.basic(TestClients.BASIC_ID, wrong,
                "grant_type", "client_credentials"));

        EngineAssertions.invalidClient(result, ResultCode.CLIENT_SECRET_WRONG);
        assertHides(result, wrong, TestClients.BASIC_SECRET);
    }

    @Test
    void whenRefreshTokenIsRefusedThenTheRefusalDoesNotQuoteIt() {
        String presented = "some-refresh-token-value-xyz";

        TokenResult result = fixture.refresh(SERVICE, presented);

        assertThat(result.result().code()).isEqualTo(ResultCode.REFRESH_TOKEN_NOT_FOUND);
        assertHides(result, presented, TestClients.BASIC_SECRET);
    }

    @Test
    void whenClientIsPrintedThenItsSecretIsNot() {
        assertHides(TestClients.BASIC, TestClients.BASIC_SECRET);
        assertHides(TestClients.BASIC.secret(), TestClients.BASIC_SECRET);
    }

    private static void assertHides(Object value, String... secrets) {
        String printed = String.valueOf(value);
        for (String secret : secrets) {
            assertThat(printed).as("toString of %s", value.getClass().getSimpleName()).doesNotContain(secret);
        }
    }
}
