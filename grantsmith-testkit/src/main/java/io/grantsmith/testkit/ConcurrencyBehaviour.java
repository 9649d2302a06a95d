package io.grantsmith.testkit;

import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.RefreshPolicy;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenIssueResult;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.token.TokenFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Requests racing for one refresh token or one ticket. The engine decides from what the store says, and the
 * store's conditional writes decide the race, so these tests hold only for a store whose writes are atomic.
 */
public abstract class ConcurrencyBehaviour extends EngineBehaviourSuite {
    private static final int THREADS = 8;
    /** Clients retrying one lost refresh response at once. */
    private static final int RETRIES = 50;
    private static final Service ROTATING = EngineFixture.service();
    private static final Service IDEMPOTENT = EngineFixture.serviceBuilder()
            .refreshPolicy(new RefreshPolicy(false, false, false, true)).build();
    /** What a loser of a refresh race may be told: reuse, its consequence, or to retry. */
    private static final Set<ResultCode> RACE_LOSSES = Set.of(ResultCode.REFRESH_TOKEN_REUSED,
            ResultCode.REFRESH_TOKEN_REVOKED, ResultCode.REFRESH_TOKEN_CONTENDED);

    @Test
    void whenManyRequestsRotateOneRefreshTokenThenAtMostOneSucceedsAndNoSecondLiveTokenRemains() throws Exception {
        Issuance grant = fixture.grant(ROTATING);
        String presented = grant.refreshToken().value();

        List<TokenResult> results = Concurrently.run(THREADS, () -> fixture.refresh(ROTATING, presented));

        List<Issuance> oks = issuances(results);
        assertThat(oks).hasSizeLessThanOrEqualTo(1);
        List<TokenResult> refusals = results.stream().filter(result -> !(result instanceof TokenResult.Ok)).toList();
        assertThat(refusals).hasSize(THREADS - oks.size()).allSatisfy(refusal -> {
            assertThat(refusal).isInstanceOf(TokenResult.BadRequest.class);
            assertThat(((TokenResult.BadRequest) refusal).error().error()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
            assertThat(refusal.result().code()).isIn(RACE_LOSSES);
        });
        RefreshTokenRecord rotated = fixture.refreshToken(presented).orElseThrow();
        oks.forEach(ok -> assertThat(TokenFormat.keyOf(ok.refreshToken().value())).isEqualTo(rotated.successorKey()));
        long live = Stream.concat(Stream.of(presented), oks.stream().map(ok -> ok.refreshToken().value()))
                .map(fixture::refreshToken).flatMap(Optional::stream)
                .filter(record -> record.state() == RefreshTokenState.ACTIVE).count();
        assertThat(live).isLessThanOrEqualTo(1);
        boolean reuseDetected = refusals.stream().map(TokenResult::result)
                .anyMatch(result -> result.code() != ResultCode.REFRESH_TOKEN_CONTENDED);
        if (reuseDetected) {
            assertThat(live).as("the family is revoked, the winner's successor included").isZero();
            oks.forEach(ok -> assertThat(fixture.accessToken(ok.accessToken().value())).isEmpty());
        }
    }

    @Test
    void whenFiftyRetriesReachAnIdempotentServiceAtOnceThenAllGetTheSameSuccessorAndEveryAccessTokenWorks()
            throws Exception {
        Issuance grant = fixture.grant(IDEMPOTENT);
        String presented = grant.refreshToken().value();
        Instant issuedNoLaterThan = fixture.now();

        List<Issuance> oks = issuances(Concurrently.run(RETRIES, () -> fixture.refresh(IDEMPOTENT, presented)));

        assertThat(oks).hasSize(RETRIES);
        Set<String> successors = oks.stream().map(ok -> ok.refreshToken().value()).collect(Collectors.toSet());
        assertThat(successors).hasSize(1);
        assertThat(oks).filteredOn(ok -> !ok.previousRefreshTokenUsed()).as("exactly one request rotated").hasSize(1);
        assertThat(fixture.refreshToken(presented).orElseThrow().state()).isEqualTo(RefreshTokenState.ROTATED);
        RefreshTokenRecord successor = fixture.refreshToken(successors.iterator().next()).orElseThrow();
        assertThat(successor.state()).isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(oks.stream().map(ok -> ok.accessToken().value()).distinct()).hasSize(RETRIES);
        for (Issuance ok : oks) {
            AccessTokenRecord used = fixture.accessToken(ok.accessToken().value())
                    .orElseThrow(() -> new AssertionError("an access token handed out by a retry does not work"));
            assertThat(used.family()).isEqualTo(successor.family());
            assertThat(used.subject()).isEqualTo(EngineFixture.SUBJECT);
            assertThat(used.expiresAt()).as("bounded by the service's access-token lifetime")
                    .isBeforeOrEqualTo(issuedNoLaterThan.plus(EngineFixture.ACCESS_TOKEN_DURATION))
                    .isEqualTo(ok.accessToken().expiresAt());
        }
        assertThat(fixture.accessToken(grant.accessToken().value())).as("the previous generation's").isEmpty();

        Issuance next = EngineAssertions.issuance(fixture.refresh(IDEMPOTENT, oks.get(0).refreshToken().value()));

        assertThat(oks).as("the next rotation ends the retried generation")
                .allSatisfy(ok -> assertThat(fixture.accessToken(ok.accessToken().value())).isEmpty());
        assertThat(fixture.accessToken(next.accessToken().value())).isPresent();
    }

    @Test
    void whenManyIssueCallsUseOneTicketThenExactlyOneIssuesTokens() throws Exception {
        String ticket = fixture.ticket(ROTATING);

        List<TokenIssueResult> results = Concurrently.run(THREADS,
                () -> fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));

        List<TokenIssueResult> oks = results.stream().filter(TokenIssueResult.Ok.class::isInstance).toList();
        assertThat(oks).hasSize(1);
        results.stream().filter(result -> !(result instanceof TokenIssueResult.Ok))
                .forEach(result -> EngineAssertions.issueRefused(result, ResultCode.TICKET_ALREADY_USED));
        Issuance issuance = ((TokenIssueResult.Ok) oks.get(0)).issuance();
        assertThat(fixture.refreshToken(issuance.refreshToken().value()).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void whenManyRequestsChooseOneAccessTokenValueThenExactlyOneGetsIt() throws Exception {
        String chosen = "contended-token-value";

        List<TokenResult> results = Concurrently.run(THREADS, () -> fixture.process(TokenRequests.basic(
                TestClients.BASIC_ID, TestClients.BASIC_SECRET, "grant_type", "client_credentials")
                .setAccessToken(chosen)));

        assertThat(issuances(results)).hasSize(1);
        results.stream().filter(result -> !(result instanceof TokenResult.Ok))
                .forEach(result -> EngineAssertions.serverError(result,
                        ResultCode.CLIENT_CREDENTIALS_ACCESS_TOKEN_IN_USE));
        assertThat(fixture.accessToken(chosen)).isPresent();
    }

    private static List<Issuance> issuances(List<TokenResult> results) {
        return results.stream().filter(TokenResult.Ok.class::isInstance)
                .map(result -> ((TokenResult.Ok) result).issuance()).toList();
    }
}
