package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.issuance;
import static io.grantsmith.testkit.EngineAssertions.issueRefused;
import static io.grantsmith.testkit.EngineAssertions.serverError;
import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.failRequest;
import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.TokenFailRequest.Reason;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.RefreshPolicy;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.FailingStores.Operation;
import org.junit.jupiter.api.Test;

/**
 * A store that fails (a full disk, a lost database): the request is answered with {@code server_error} and a
 * result code that names the step that failed, a lookup or read apart from a write, so that operators look in
 * the right place.
 */
public abstract class StoreFailureBehaviour extends EngineBehaviourSuite {
    private static final Service SERVICE = EngineFixture.service();
    private static final Service IDEMPOTENT = EngineFixture.serviceBuilder()
            .refreshPolicy(new RefreshPolicy(false, false, false, true)).build();

    private FailingStores failing;

    @Override
    protected Stores decorate(Stores opened) {
        failing = new FailingStores(opened);
        return failing;
    }

    @Test
    void whenClientLookupFailsThenTheLookupIsNamedNotATokenWrite() {
        fixture.clients().failLookups();

        TokenResult result = fixture.process(clientCredentials());

        serverError(result, ResultCode.CLIENT_LOOKUP_FAILED);
        assertThat(result.facts().client()).isNull();
    }

    @Test
    void whenAccessTokenCannotBeStoredThenTheGrantsStoreFailureIsReported() {
        failing.fail(Operation.SAVE_ACCESS_TOKEN);

        serverError(fixture.process(clientCredentials()), ResultCode.CLIENT_CREDENTIALS_STORE_FAILED);
    }

    @Test
    void whenTicketCannotBeStoredThenThePasswordGrantsStoreFailureIsReported() {
        failing.fail(Operation.SAVE_TICKET);

        serverError(fixture.process(EngineFixture.passwordRequest()), ResultCode.PASSWORD_TICKET_STORE_FAILED);
    }

    @Test
    void whenRefreshTokenCannotBeReadThenTheReadIsNamedAndTheClientIsReported() {
        Issuance grant = fixture.grant(SERVICE);
        failing.fail(Operation.FIND_REFRESH_TOKEN);

        TokenResult result = fixture.refresh(SERVICE, grant.refreshToken().value());

        serverError(result, ResultCode.REFRESH_TOKEN_READ_FAILED);
        assertThat(result.facts().client().client().id()).isEqualTo(3001);
    }

    @Test
    void whenTheSuccessorCannotBeReadForARetryThenTheReadIsNamed() {
        Issuance grant = fixture.grant(IDEMPOTENT);
        issuance(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()));
        failing.fail(Operation.FIND_SUCCESSOR);

        serverError(fixture.refresh(IDEMPOTENT, grant.refreshToken().value()), ResultCode.REFRESH_TOKEN_READ_FAILED);
    }

    @Test
    void whenRenewedTokensCannotBeStoredThenTheRefreshStoreFailureIsReportedAndTheTokenStaysUsable() {
        Issuance grant = fixture.grant(SERVICE);
        failing.fail(Operation.APPLY_REFRESH);

        serverError(fixture.refresh(SERVICE, grant.refreshToken().value()), ResultCode.REFRESH_STORE_FAILED);

        assertThat(fixture.refreshToken(grant.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void whenDetectedReuseCannotRevokeTheFamilyThenTheFailedRevocationIsNamed() {
        Issuance grant = fixture.grant(SERVICE);
        issuance(fixture.refresh(SERVICE, grant.refreshToken().value()));
        failing.fail(Operation.REVOKE_GRANT);

        serverError(fixture.refresh(SERVICE, grant.refreshToken().value()), ResultCode.REFRESH_REVOKE_FAILED);
    }

    @Test
    void whenTicketCannotBeUsedThenIssueNamesTheTicketUpdate() {
        String ticket = fixture.ticket(SERVICE);
        failing.fail(Operation.USE_TICKET);

        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)),
                ResultCode.ISSUE_TICKET_UPDATE_FAILED);
        EngineAssertions.failRefused(fixture.fail(failRequest(ticket, Reason.INVALID_RESOURCE_OWNER_CREDENTIALS)),
                ResultCode.FAIL_STORE_FAILED);
    }

    @Test
    void whenTheTicketsClientCannotBeLookedUpThenIssueAndFailNameTheLookup() {
        String issued = fixture.ticket(SERVICE);
        String failed = fixture.ticket(SERVICE);
        fixture.clients().failLookups();

        issueRefused(fixture.issue(issueRequest(issued, EngineFixture.SUBJECT)),
                ResultCode.ISSUE_CLIENT_LOOKUP_FAILED);
        EngineAssertions.failRefused(fixture.fail(failRequest(failed, Reason.INVALID_RESOURCE_OWNER_CREDENTIALS)),
                ResultCode.FAIL_CLIENT_LOOKUP_FAILED);
    }

    @Test
    void whenIssuedTokensCannotBeStoredThenTheIssueStoreFailureIsReported() {
        String ticket = fixture.ticket(SERVICE);
        failing.fail(Operation.SAVE_GRANT);

        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)), ResultCode.ISSUE_STORE_FAILED);
    }

    private static TokenRequest clientCredentials() {
        return basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET, "grant_type", "client_credentials");
    }
}
