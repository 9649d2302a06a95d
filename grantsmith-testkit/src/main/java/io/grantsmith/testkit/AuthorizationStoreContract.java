package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.spi.AuthorizationTicketUse;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.registry.Stores;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.token.TokenHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do with authorization tickets and codes: keep every field, let a ticket be used and a code
 * be redeemed once (also under contention), let a reuse find the grant to revoke, and purge expired rows.
 */
public abstract class AuthorizationStoreContract {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final long SERVICE = 7;

    protected Stores stores;

    protected abstract Stores openStores() throws Exception;

    @BeforeEach
    void open() throws Exception {
        stores = openStores();
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    /** A request with every field set to something other than its default. */
    static RequestedAuthorization fullRequest() {
        return RequestedAuthorization.builder()
                .clientId(4242, true)
                .redirectUri("https://client.example/cb?x=1", true)
                .responseType(ResponseType.CODE)
                .responseMode(ResponseMode.FORM_POST)
                .scopes(Scopes.of("openid", "profile", "email"))
                .state("st\u00e9-\"1\"")
                .nonce("n-0S6_WzA2Mj")
                .codeChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", CodeChallengeMethod.S256)
                .prompts(List.of(Prompt.LOGIN, Prompt.CONSENT))
                .maxAge(OptionalInt.of(0))
                .acrs(List.of("urn:acr:1", "urn:acr:2"), true)
                .subject("alice")
                .claims("{\"id_token\":{\"email\":{\"essential\":true}}}")
                .idTokenClaims(List.of("email", "name#ja"))
                .userInfoClaims(List.of("address"))
                .claimsLocales(List.of("de", "en"))
                .resources(List.of("https://rs.example/a", "https://rs.example/b"))
                .build();
    }

    static UserApproval fullApproval() {
        return new UserApproval("alice", "pairwise-sub", 1_772_358_000L, "urn:acr:1",
                "{\"email\":\"alice@example.com\"}", List.of(new TokenProperty("k", "v", true)),
                "{\"typ\":\"JWT\",\"x\":1}", List.of("email", "name#ja"), IdTokenAudType.STRING);
    }

    private AuthorizationTicket ticket(String value, Instant expiresAt) {
        return new AuthorizationTicket(TokenHasher.hash(value), SERVICE, fullRequest(), NOW, expiresAt);
    }

    private AuthorizationCode code(String value, RequestedAuthorization request, UserApproval approval,
            Instant expiresAt) {
        return new AuthorizationCode(TokenHasher.hash(value), SERVICE, request, approval, NOW, expiresAt);
    }

    // ---- tickets ------------------------------------------------------------------------------------------

    @Test
    void whenTicketUsedThenItComesBackWithEveryFieldAndOnlyOnce() {
        AuthorizationTicket ticket = ticket("t1", NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        AuthorizationTicketUse first = stores.authorizationTickets().useAuthorizationTicket(ticket.hash(), SERVICE,
                NOW.plusSeconds(1));
        AuthorizationTicketUse second = stores.authorizationTickets().useAuthorizationTicket(ticket.hash(), SERVICE,
                NOW.plusSeconds(2));

        assertThat(first.status()).isEqualTo(TicketUse.Status.USED);
        assertThat(first.ticket()).isEqualTo(ticket);
        assertThat(second.status()).isEqualTo(TicketUse.Status.ALREADY_USED);
    }

    @Test
    void whenTicketMinimalThenDefaultsSurvive() {
        RequestedAuthorization minimal = RequestedAuthorization.builder().clientId(1, false)
                .redirectUri("https://c.example/cb", false).build();
        AuthorizationTicket ticket = new AuthorizationTicket(TokenHasher.hash("min"), SERVICE, minimal, NOW,
                NOW.plusSeconds(60));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        assertThat(stores.authorizationTickets().useAuthorizationTicket(ticket.hash(), SERVICE, NOW).ticket())
                .isEqualTo(ticket);
    }

    @Test
    void whenTicketExpiredOrOfAnotherServiceThenItIsNotUsed() {
        AuthorizationTicket ticket = ticket("t2", NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        assertThat(stores.authorizationTickets().useAuthorizationTicket(ticket.hash(), SERVICE + 1, NOW).status())
                .isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.authorizationTickets().useAuthorizationTicket(TokenHasher.hash("nope"), SERVICE, NOW)
                .status()).isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.authorizationTickets().useAuthorizationTicket(ticket.hash(), SERVICE,
                NOW.plusSeconds(600)).status()).isEqualTo(TicketUse.Status.EXPIRED);
    }

    @Test
    void whenFiftyThreadsUseOneTicketThenExactlyOneSucceeds() throws Exception {
        AuthorizationTicket ticket = ticket("t3", NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        List<AuthorizationTicketUse> uses = Concurrently.run(50,
                () -> stores.authorizationTickets().useAuthorizationTicket(ticket.hash(), SERVICE, NOW));

        assertThat(uses).filteredOn(use -> use.status() == TicketUse.Status.USED).hasSize(1);
        assertThat(uses).filteredOn(use -> use.status() == TicketUse.Status.ALREADY_USED).hasSize(49);
    }

    // ---- codes --------------------------------------------------------------------------------------------

    @Test
    void whenCodeRedeemedThenItComesBackWithEveryFieldAndOnlyOnce() {
        AuthorizationCode code = code("c1", fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        CodeRedemption first = stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW.plusSeconds(1));
        CodeRedemption second = stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW.plusSeconds(2));

        assertThat(first).isEqualTo(new CodeRedemption.Redeemed(code));
        assertThat(second).isEqualTo(new CodeRedemption.AlreadyUsed(null));
    }

    @Test
    void whenApprovalMinimalThenItSurvives() {
        UserApproval minimal = new UserApproval("bob", null, null, null, null, List.of());
        AuthorizationCode code = code("c-min", fullRequest(), minimal, NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        assertThat(stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW))
                .isEqualTo(new CodeRedemption.Redeemed(code));
    }

    @Test
    void whenNoClaimConsentedThenTheEmptyListSurvivesAndDiffersFromUnsaid() {
        UserApproval noneConsented = new UserApproval("bob", null, null, null, null, List.of(), null, List.of(),
                null);
        AuthorizationCode code = code("c-none", fullRequest(), noneConsented, NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        CodeRedemption redeemed = stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW);

        assertThat(redeemed).isEqualTo(new CodeRedemption.Redeemed(code));
        assertThat(((CodeRedemption.Redeemed) redeemed).code().approval().consentedClaims()).isEmpty();
    }

    @Test
    void whenGrantRecordedThenAReuseFindsIt() {
        AuthorizationCode code = code("c2", fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);
        FamilyId grant = FamilyId.random();

        stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW);
        boolean reusedBeforeRecord = stores.authorizationCodes().recordIssued(code.hash(), SERVICE, grant);
        CodeRedemption reuse = stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW.plusSeconds(1));

        assertThat(reusedBeforeRecord).isFalse();
        assertThat(reuse).isEqualTo(new CodeRedemption.AlreadyUsed(grant));
    }

    @Test
    void whenReusedBeforeTheGrantIsRecordedThenTheRecordSaysSo() {
        AuthorizationCode code = code("c3", fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW);
        stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW);

        assertThat(stores.authorizationCodes().recordIssued(code.hash(), SERVICE, FamilyId.random())).isTrue();
    }

    @Test
    void whenReusedAfterExpiryThenStillAlreadyUsed() {
        AuthorizationCode code = code("c4", fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);
        FamilyId grant = FamilyId.random();
        stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW);
        stores.authorizationCodes().recordIssued(code.hash(), SERVICE, grant);

        assertThat(stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW.plusSeconds(601)))
                .isEqualTo(new CodeRedemption.AlreadyUsed(grant));
    }

    @Test
    void whenCodeExpiredUnknownOrOfAnotherServiceThenItIsNotRedeemed() {
        AuthorizationCode code = code("c5", fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        assertThat(stores.authorizationCodes().redeem(code.hash(), SERVICE + 1, NOW))
                .isEqualTo(new CodeRedemption.NotFound());
        assertThat(stores.authorizationCodes().redeem(TokenHasher.hash("nope"), SERVICE, NOW))
                .isEqualTo(new CodeRedemption.NotFound());
        assertThat(stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW.plusSeconds(600)))
                .isEqualTo(new CodeRedemption.Expired());
        // the expired attempt did not redeem it: a later valid clock still cannot, but it was not marked used
        assertThat(stores.authorizationCodes().recordIssued(code.hash(), SERVICE, FamilyId.random())).isFalse();
    }

    @Test
    void whenFiftyThreadsRedeemOneCodeThenExactlyOneIsRedeemed() throws Exception {
        AuthorizationCode code = code("c6", fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        List<CodeRedemption> redemptions = Concurrently.run(50,
                () -> stores.authorizationCodes().redeem(code.hash(), SERVICE, NOW));

        assertThat(redemptions).filteredOn(CodeRedemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(redemptions).filteredOn(CodeRedemption.AlreadyUsed.class::isInstance).hasSize(49);
        assertThat(stores.authorizationCodes().recordIssued(code.hash(), SERVICE, FamilyId.random())).isTrue();
    }

    // ---- the tokens of a code grant without a refresh token -------------------------------------------------

    @Test
    void whenAnAccessTokenIsSavedWithItsGrantThenTheGrantIsFoundAndRevokingItDeletesTheToken() {
        FamilyId family = FamilyId.random();
        TokenHash hash = TokenHasher.hash("at-with-grant");
        AccessTokenRecord token = AccessTokenRecord.builder(987_654_321L, hash).serviceId(SERVICE).clientId(4242)
                .subject("alice").scopes(Scopes.of("openid")).grantType(GrantType.AUTHORIZATION_CODE)
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(3600)).family(family).build();
        GrantRecord grant = GrantRecord.builder(family).serviceId(SERVICE).clientId(4242).subject("alice")
                .scopes(Scopes.of("openid")).grantType(GrantType.AUTHORIZATION_CODE).nonce("n-1")
                .authTime(NOW.minusSeconds(60)).createdAt(NOW).expiresAt(NOW.plusSeconds(3600)).build();

        assertThat(stores.tokens().saveAccessTokenWithGrant(token, grant)).isEqualTo(SaveOutcome.SAVED);
        assertThat(stores.tokens().saveAccessTokenWithGrant(AccessTokenRecord
                .builder(987_654_322L, TokenHasher.hash("other")).serviceId(SERVICE).clientId(4242)
                .scopes(Scopes.of("openid")).grantType(GrantType.AUTHORIZATION_CODE).issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(3600)).family(family).build(), grant))
                .as("a taken grant id").isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(stores.tokens().findGrant(family)).contains(grant);
        assertThat(stores.tokens().findAccessToken(SERVICE, new TokenLookup(987_654_321L, hash))).isPresent();

        stores.tokens().revokeGrant(family);

        assertThat(stores.tokens().findAccessToken(SERVICE, new TokenLookup(987_654_321L, hash))).isEmpty();
        assertThat(stores.tokens().findGrant(family)).hasValueSatisfying(found -> assertThat(found.revoked()).isTrue());
    }

    // ---- housekeeping -------------------------------------------------------------------------------------

    @Test
    void whenHousekeepingRunsThenExpiredTicketsAndCodesGoAndOthersStay() {
        stores.authorizationTickets().saveAuthorizationTicket(ticket("old-ticket", NOW.plusSeconds(1)));
        stores.authorizationTickets().saveAuthorizationTicket(ticket("new-ticket", NOW.plus(Duration.ofHours(1))));
        stores.authorizationCodes().saveAuthorizationCode(code("old-code", fullRequest(), fullApproval(),
                NOW.plusSeconds(1)));
        stores.authorizationCodes().saveAuthorizationCode(code("new-code", fullRequest(), fullApproval(),
                NOW.plus(Duration.ofHours(1))));

        int purged = stores.housekeeping().purgeExpired(NOW.plusSeconds(60), 100);

        assertThat(purged).isEqualTo(2);
        assertThat(stores.authorizationTickets().useAuthorizationTicket(TokenHasher.hash("old-ticket"), SERVICE,
                NOW).status()).isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.authorizationTickets().useAuthorizationTicket(TokenHasher.hash("new-ticket"), SERVICE,
                NOW).status()).isEqualTo(TicketUse.Status.USED);
        assertThat(stores.authorizationCodes().redeem(TokenHasher.hash("old-code"), SERVICE, NOW))
                .isEqualTo(new CodeRedemption.NotFound());
        assertThat(stores.authorizationCodes().redeem(TokenHasher.hash("new-code"), SERVICE, NOW))
                .isInstanceOf(CodeRedemption.Redeemed.class);
    }
}
