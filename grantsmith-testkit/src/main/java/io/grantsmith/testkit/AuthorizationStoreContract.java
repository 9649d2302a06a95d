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
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.core.token.TokenHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
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

    private static final AtomicLong KEYS = new AtomicLong(1L << 41);

    /**
     * A value as the engine mints them since V12 (a row key and 256 bits, see {@link TokenFormat}), its secret part
     * derived from {@code name}; a name of its own is the value of a legacy ticket or code (no key: see
     * {@link #legacy}).
     */
    private static String value(String name) {
        return TokenFormat.encode(KEYS.incrementAndGet(), TokenHasher.hash(name).bytes());
    }

    /** A value minted before V12: 256 random bits, 43 characters, no key. */
    private static String legacy(String name) {
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(TokenHasher.hash(name).bytes());
        assertThat(TokenFormat.keyOf(value)).isZero();
        return value;
    }

    private AuthorizationTicket ticket(String value, Instant expiresAt) {
        return new AuthorizationTicket(TokenFormat.keyOf(value), TokenHasher.hash(value), SERVICE, fullRequest(), NOW,
                expiresAt);
    }

    private AuthorizationCode code(String value, RequestedAuthorization request, UserApproval approval,
            Instant expiresAt) {
        return new AuthorizationCode(TokenFormat.keyOf(value), TokenHasher.hash(value), SERVICE, request, approval,
                NOW, expiresAt);
    }

    private static TokenLookup lookup(AuthorizationTicket ticket) {
        return new TokenLookup(ticket.key(), ticket.hash());
    }

    private static TokenLookup lookup(AuthorizationCode code) {
        return new TokenLookup(code.key(), code.hash());
    }

    // ---- tickets ------------------------------------------------------------------------------------------

    @Test
    void whenTicketUsedThenItComesBackWithEveryFieldAndOnlyOnce() {
        AuthorizationTicket ticket = ticket(value("t1"), NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        AuthorizationTicketUse first = stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE,
                NOW.plusSeconds(1));
        AuthorizationTicketUse second = stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE,
                NOW.plusSeconds(2));

        assertThat(first.status()).isEqualTo(TicketUse.Status.USED);
        assertThat(first.ticket()).isEqualTo(ticket);
        assertThat(second.status()).isEqualTo(TicketUse.Status.ALREADY_USED);
    }

    @Test
    void whenTicketMinimalThenDefaultsSurvive() {
        RequestedAuthorization minimal = RequestedAuthorization.builder().clientId(1, false)
                .redirectUri("https://c.example/cb", false).build();
        AuthorizationTicket ticket = new AuthorizationTicket(KEYS.incrementAndGet(), TokenHasher.hash("min"), SERVICE,
                minimal, NOW, NOW.plusSeconds(60));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        assertThat(stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE, NOW).ticket())
                .isEqualTo(ticket);
    }

    @Test
    void whenTicketExpiredOrOfAnotherServiceThenItIsNotUsed() {
        AuthorizationTicket ticket = ticket(value("t2"), NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        assertThat(stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE + 1, NOW).status())
                .isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.authorizationTickets().useAuthorizationTicket(TokenLookup.of(value("nope")), SERVICE, NOW)
                .status()).isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE,
                NOW.plusSeconds(600)).status()).isEqualTo(TicketUse.Status.EXPIRED);
    }

    @Test
    void whenFiftyThreadsUseOneTicketThenExactlyOneSucceeds() throws Exception {
        AuthorizationTicket ticket = ticket(value("t3"), NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);

        List<AuthorizationTicketUse> uses = Concurrently.run(50,
                () -> stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE, NOW));

        assertThat(uses).filteredOn(use -> use.status() == TicketUse.Status.USED).hasSize(1);
        assertThat(uses).filteredOn(use -> use.status() == TicketUse.Status.ALREADY_USED).hasSize(49);
    }

    // ---- codes --------------------------------------------------------------------------------------------

    @Test
    void whenCodeRedeemedThenItComesBackWithEveryFieldAndOnlyOnce() {
        AuthorizationCode code = code(value("c1"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        CodeRedemption first = stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW.plusSeconds(1));
        CodeRedemption second = stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW.plusSeconds(2));

        assertThat(first).isEqualTo(new CodeRedemption.Redeemed(code));
        assertThat(second).isEqualTo(new CodeRedemption.AlreadyUsed(null));
    }

    @Test
    void whenApprovalMinimalThenItSurvives() {
        UserApproval minimal = new UserApproval("bob", null, null, null, null, List.of());
        AuthorizationCode code = code(value("c-min"), fullRequest(), minimal, NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        assertThat(stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW))
                .isEqualTo(new CodeRedemption.Redeemed(code));
    }

    @Test
    void whenNoClaimConsentedThenTheEmptyListSurvivesAndDiffersFromUnsaid() {
        UserApproval noneConsented = new UserApproval("bob", null, null, null, null, List.of(), null, List.of(),
                null);
        AuthorizationCode code = code(value("c-none"), fullRequest(), noneConsented, NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        CodeRedemption redeemed = stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW);

        assertThat(redeemed).isEqualTo(new CodeRedemption.Redeemed(code));
        assertThat(((CodeRedemption.Redeemed) redeemed).code().approval().consentedClaims()).isEmpty();
    }

    @Test
    void whenGrantRecordedThenAReuseFindsIt() {
        AuthorizationCode code = code(value("c2"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);
        FamilyId grant = FamilyId.random();

        stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW);
        boolean reusedBeforeRecord = stores.authorizationCodes().recordIssued(lookup(code), SERVICE, grant);
        CodeRedemption reuse = stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW.plusSeconds(1));

        assertThat(reusedBeforeRecord).isFalse();
        assertThat(reuse).isEqualTo(new CodeRedemption.AlreadyUsed(grant));
    }

    @Test
    void whenReusedBeforeTheGrantIsRecordedThenTheRecordSaysSo() {
        AuthorizationCode code = code(value("c3"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW);
        stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW);

        assertThat(stores.authorizationCodes().recordIssued(lookup(code), SERVICE, FamilyId.random())).isTrue();
    }

    @Test
    void whenReusedAfterExpiryThenStillAlreadyUsed() {
        AuthorizationCode code = code(value("c4"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);
        FamilyId grant = FamilyId.random();
        stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW);
        stores.authorizationCodes().recordIssued(lookup(code), SERVICE, grant);

        assertThat(stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW.plusSeconds(601)))
                .isEqualTo(new CodeRedemption.AlreadyUsed(grant));
    }

    @Test
    void whenCodeExpiredUnknownOrOfAnotherServiceThenItIsNotRedeemed() {
        AuthorizationCode code = code(value("c5"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        assertThat(stores.authorizationCodes().redeem(lookup(code), SERVICE + 1, NOW))
                .isEqualTo(new CodeRedemption.NotFound());
        assertThat(stores.authorizationCodes().redeem(TokenLookup.of(value("nope")), SERVICE, NOW))
                .isEqualTo(new CodeRedemption.NotFound());
        assertThat(stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW.plusSeconds(600)))
                .isEqualTo(new CodeRedemption.Expired());
        // the expired attempt did not redeem it: a later valid clock still cannot, but it was not marked used
        assertThat(stores.authorizationCodes().recordIssued(lookup(code), SERVICE, FamilyId.random())).isFalse();
    }

    @Test
    void whenFiftyThreadsRedeemOneCodeThenExactlyOneIsRedeemed() throws Exception {
        AuthorizationCode code = code(value("c6"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationCodes().saveAuthorizationCode(code);

        List<CodeRedemption> redemptions = Concurrently.run(50,
                () -> stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW));

        assertThat(redemptions).filteredOn(CodeRedemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(redemptions).filteredOn(CodeRedemption.AlreadyUsed.class::isInstance).hasSize(49);
        assertThat(stores.authorizationCodes().recordIssued(lookup(code), SERVICE, FamilyId.random())).isTrue();
    }

    // ---- keys: values with a row key, and legacy values without one ---------------------------------------

    @Test
    void whenPresentedWithTheRightKeyButAnotherHashThenNeitherTicketNorCodeIsFoundAndBothStayUsable() {
        AuthorizationTicket ticket = ticket(value("k-t"), NOW.plusSeconds(600));
        AuthorizationCode code = code(value("k-c"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);
        stores.authorizationCodes().saveAuthorizationCode(code);

        assertThat(stores.authorizationTickets().useAuthorizationTicket(
                new TokenLookup(ticket.key(), TokenHasher.hash("forged")), SERVICE, NOW).status())
                .as("the key is not secret: the hash must match too").isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.authorizationCodes().redeem(new TokenLookup(code.key(), TokenHasher.hash("forged")),
                SERVICE, NOW)).isEqualTo(new CodeRedemption.NotFound());
        assertThat(stores.authorizationCodes().redeem(new TokenLookup(0, code.hash()), SERVICE, NOW))
                .as("a keyed code is not found by its hash alone").isEqualTo(new CodeRedemption.NotFound());

        assertThat(stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE, NOW).status())
                .isEqualTo(TicketUse.Status.USED);
        assertThat(stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW))
                .isEqualTo(new CodeRedemption.Redeemed(code));
    }

    /** A ticket and a code saved before they carried a row key (in flight across the upgrade to V12). */
    @Test
    void whenLegacyTicketAndCodeUsedThenEachComesBackOnceAndAReuseFindsTheGrant() {
        AuthorizationTicket ticket = ticket(legacy("l-t"), NOW.plusSeconds(600));
        AuthorizationCode code = code(legacy("l-c"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);
        stores.authorizationCodes().saveAuthorizationCode(code);
        FamilyId grant = FamilyId.random();

        AuthorizationTicketUse firstUse = stores.authorizationTickets().useAuthorizationTicket(lookup(ticket),
                SERVICE, NOW);
        AuthorizationTicketUse secondUse = stores.authorizationTickets().useAuthorizationTicket(lookup(ticket),
                SERVICE, NOW);
        CodeRedemption first = stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW);
        boolean reusedBeforeRecord = stores.authorizationCodes().recordIssued(lookup(code), SERVICE, grant);
        CodeRedemption second = stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW);

        assertThat(firstUse.status()).isEqualTo(TicketUse.Status.USED);
        assertThat(firstUse.ticket()).isEqualTo(ticket);
        assertThat(secondUse.status()).isEqualTo(TicketUse.Status.ALREADY_USED);
        assertThat(first).isEqualTo(new CodeRedemption.Redeemed(code));
        assertThat(reusedBeforeRecord).isFalse();
        assertThat(second).isEqualTo(new CodeRedemption.AlreadyUsed(grant));
        assertThat(stores.authorizationCodes().redeem(new TokenLookup(KEYS.incrementAndGet(), code.hash()), SERVICE,
                NOW)).as("a legacy code has no key to match").isEqualTo(new CodeRedemption.NotFound());
    }

    @Test
    void whenFiftyThreadsUseOneLegacyTicketAndRedeemOneLegacyCodeThenExactlyOneOfEachSucceeds() throws Exception {
        AuthorizationTicket ticket = ticket(legacy("l-t50"), NOW.plusSeconds(600));
        AuthorizationCode code = code(legacy("l-c50"), fullRequest(), fullApproval(), NOW.plusSeconds(600));
        stores.authorizationTickets().saveAuthorizationTicket(ticket);
        stores.authorizationCodes().saveAuthorizationCode(code);

        List<AuthorizationTicketUse> uses = Concurrently.run(50,
                () -> stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE, NOW));
        List<CodeRedemption> redemptions = Concurrently.run(50,
                () -> stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW));

        assertThat(uses).filteredOn(use -> use.status() == TicketUse.Status.USED).hasSize(1);
        assertThat(uses).filteredOn(use -> use.status() == TicketUse.Status.ALREADY_USED).hasSize(49);
        assertThat(redemptions).filteredOn(CodeRedemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(redemptions).filteredOn(CodeRedemption.AlreadyUsed.class::isInstance).hasSize(49);
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
        AuthorizationTicket oldTicket = ticket(value("old-ticket"), NOW.plusSeconds(1));
        AuthorizationTicket oldLegacyTicket = ticket(legacy("old-legacy-ticket"), NOW.plusSeconds(1));
        AuthorizationTicket newTicket = ticket(value("new-ticket"), NOW.plus(Duration.ofHours(1)));
        AuthorizationCode oldCode = code(value("old-code"), fullRequest(), fullApproval(), NOW.plusSeconds(1));
        AuthorizationCode oldLegacyCode = code(legacy("old-legacy-code"), fullRequest(), fullApproval(),
                NOW.plusSeconds(1));
        AuthorizationCode newCode = code(value("new-code"), fullRequest(), fullApproval(),
                NOW.plus(Duration.ofHours(1)));
        for (AuthorizationTicket ticket : List.of(oldTicket, oldLegacyTicket, newTicket)) {
            stores.authorizationTickets().saveAuthorizationTicket(ticket);
        }
        for (AuthorizationCode code : List.of(oldCode, oldLegacyCode, newCode)) {
            stores.authorizationCodes().saveAuthorizationCode(code);
        }

        int purged = stores.housekeeping().purgeExpired(NOW.plusSeconds(60), 100);

        assertThat(purged).isEqualTo(4);
        for (AuthorizationTicket ticket : List.of(oldTicket, oldLegacyTicket)) {
            assertThat(stores.authorizationTickets().useAuthorizationTicket(lookup(ticket), SERVICE, NOW).status())
                    .isEqualTo(TicketUse.Status.NOT_FOUND);
        }
        assertThat(stores.authorizationTickets().useAuthorizationTicket(lookup(newTicket), SERVICE, NOW).status())
                .isEqualTo(TicketUse.Status.USED);
        for (AuthorizationCode code : List.of(oldCode, oldLegacyCode)) {
            assertThat(stores.authorizationCodes().redeem(lookup(code), SERVICE, NOW))
                    .isEqualTo(new CodeRedemption.NotFound());
        }
        assertThat(stores.authorizationCodes().redeem(lookup(newCode), SERVICE, NOW))
                .isInstanceOf(CodeRedemption.Redeemed.class);
    }
}
