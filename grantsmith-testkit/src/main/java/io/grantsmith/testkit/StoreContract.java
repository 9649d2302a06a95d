package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.StoredClient;
import io.grantsmith.registry.StoredService;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.registry.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the storage ports must do. A store's test class extends this and says how
 * to open a fresh, empty store.
 */
public abstract class StoreContract {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    protected Stores stores;

    /** A new, empty store. */
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

    // ---- access tokens and grants -------------------------------------------------------------------------

    @Test
    void whenAccessTokenSavedThenItIsFoundWithEveryField() {
        AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);

        assertThat(stores.tokens().saveAccessToken(token)).isEqualTo(SaveOutcome.SAVED);

        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(token))).contains(token);
    }

    @Test
    void whenAccessTokenKeyExistsThenSaveReportsDuplicateAndKeepsTheFirst() {
        AccessTokenRecord first = Records.accessToken(NOW, HOUR, null);
        stores.tokens().saveAccessToken(first);
        AccessTokenRecord clash = withKey(Records.accessToken(NOW, HOUR, null), first.key());

        assertThat(stores.tokens().saveAccessToken(clash)).isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(first))).contains(first);
    }

    @Test
    void whenCallerChosenValueIsTakenThenSaveReportsDuplicate() {
        TokenHash chosen = Records.freshHash();
        AccessTokenRecord first = Records.callerChosenAccessToken(NOW, HOUR, chosen);
        stores.tokens().saveAccessToken(first);

        assertThat(stores.tokens().saveAccessToken(Records.callerChosenAccessToken(NOW, HOUR, chosen)))
                .isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, new TokenLookup(0, chosen))).contains(first);
    }

    @Test
    void whenTwoServicesChooseTheSameValueThenEachKeepsAndFindsItsOwnToken() {
        TokenHash chosen = Records.freshHash();
        AccessTokenRecord mine = Records.callerChosenAccessToken(Records.SERVICE, NOW, HOUR, chosen);
        AccessTokenRecord theirs = Records.callerChosenAccessToken(Records.OTHER_SERVICE, NOW, HOUR, chosen);

        assertThat(stores.tokens().saveAccessToken(mine)).isEqualTo(SaveOutcome.SAVED);
        assertThat(stores.tokens().saveAccessToken(theirs)).isEqualTo(SaveOutcome.SAVED);

        assertThat(stores.tokens().findAccessToken(Records.SERVICE, new TokenLookup(0, chosen))).contains(mine);
        assertThat(stores.tokens().findAccessToken(Records.OTHER_SERVICE, new TokenLookup(0, chosen)))
                .contains(theirs);
        assertThat(stores.tokens().findAccessToken(Records.OTHER_SERVICE + 1, new TokenLookup(0, chosen))).isEmpty();
        assertThat(stores.tokens().saveAccessToken(Records.callerChosenAccessToken(Records.OTHER_SERVICE, NOW, HOUR,
                chosen))).as("still unique within a service").isEqualTo(SaveOutcome.DUPLICATE);
    }

    @Test
    void whenATokenIsLookedUpForAnotherServiceThenItIsNotFound() {
        AccessTokenRecord generated = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord chosen = Records.callerChosenAccessToken(NOW, HOUR, Records.freshHash());
        stores.tokens().saveAccessToken(generated);
        stores.tokens().saveAccessToken(chosen);

        assertThat(stores.tokens().findAccessToken(Records.OTHER_SERVICE, Records.lookup(generated))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.OTHER_SERVICE, Records.lookup(chosen))).isEmpty();
    }

    @Test
    void whenARefreshUsesAValueThatAnotherServiceChoseThenItApplies() {
        Grant grant = saveGrant();
        TokenHash chosen = Records.freshHash();
        stores.tokens().saveAccessToken(Records.callerChosenAccessToken(Records.OTHER_SERVICE, NOW, HOUR, chosen));
        AccessTokenRecord sameValue = Records.callerChosenAccessToken(NOW, HOUR, chosen);
        AccessTokenRecord newAccess = AccessTokenRecord.builder(sameValue.key(), chosen).callerChosen(true)
                .serviceId(grant.access.serviceId()).clientId(grant.access.clientId())
                .subject(grant.access.subject()).scopes(grant.access.scopes()).resources(grant.access.resources())
                .grantType(grant.access.grantType()).issuedAt(NOW.plusSeconds(1)).expiresAt(NOW.plus(HOUR))
                .family(grant.family).build();

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(new RefreshWrite.Rotate(grant.refresh.key(),
                Records.successorOf(grant.refresh, NOW.plusSeconds(1), HOUR), newAccess, NOW.plusSeconds(1)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.APPLIED);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, new TokenLookup(0, chosen))).contains(newAccess);
    }

    @Test
    void whenLookupCarriesAKnownKeyButAnotherHashThenNothingIsFound() {
        AccessTokenRecord access = Records.accessToken(NOW, HOUR, FamilyId.random());
        RefreshTokenRecord refresh = Records.refreshToken(NOW, HOUR, access.family());
        stores.tokens().saveGrant(access, refresh);

        assertThat(stores.tokens().findAccessToken(Records.SERVICE, new TokenLookup(access.key(), Records.freshHash()))).isEmpty();
        assertThat(stores.tokens().findRefreshToken(new TokenLookup(refresh.key(), Records.freshHash()))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, new TokenLookup(0, access.hash())))
                .as("a generated token is found by its key, not by its hash alone").isEmpty();
        assertThat(stores.tokens().findRefreshToken(refresh.key())).contains(refresh);
        assertThat(stores.tokens().findRefreshToken(Records.freshKey())).isEmpty();
    }

    @Test
    void whenCallerChosenValueParsesAsAnotherTokensKeyThenTheHashStillFindsIt() {
        AccessTokenRecord generated = Records.accessToken(NOW, HOUR, null);
        AccessTokenRecord chosen = Records.callerChosenAccessToken(NOW, HOUR, Records.freshHash());
        stores.tokens().saveAccessToken(generated);
        stores.tokens().saveAccessToken(chosen);

        assertThat(stores.tokens().findAccessToken(Records.SERVICE, new TokenLookup(generated.key(), chosen.hash()))).contains(chosen);
    }

    @Test
    void whenGrantSavedThenBothTokensAreFoundWithEveryField() {
        FamilyId family = FamilyId.random();
        AccessTokenRecord access = Records.accessToken(NOW, HOUR, family);
        RefreshTokenRecord refresh = Records.refreshToken(NOW, Duration.ofDays(10), family);

        assertThat(stores.tokens().saveGrant(access, refresh)).isEqualTo(SaveOutcome.SAVED);

        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(access))).contains(access);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh))).contains(refresh);
    }

    @Test
    void whenGrantAccessTokenIsDuplicateThenNeitherTokenIsSaved() {
        AccessTokenRecord existing = Records.accessToken(NOW, HOUR, null);
        stores.tokens().saveAccessToken(existing);
        FamilyId family = FamilyId.random();
        AccessTokenRecord clash = withKey(Records.accessToken(NOW, HOUR, family), existing.key());
        RefreshTokenRecord refresh = Records.refreshToken(NOW, HOUR, family);

        assertThat(stores.tokens().saveGrant(clash, refresh)).isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh))).isEmpty();
    }

    @Test
    void whenPropertiesAndSubjectAreAbsentThenTheyRoundTripAsAbsent() {
        AccessTokenRecord bare = AccessTokenRecord.builder(Records.freshKey(), Records.freshHash()).serviceId(7)
                .clientId(8).grantType(GrantType.CLIENT_CREDENTIALS).issuedAt(NOW)
                .expiresAt(NOW.plus(HOUR)).build();
        stores.tokens().saveAccessToken(bare);

        assertThat(stores.tokens().findAccessToken(bare.serviceId(), Records.lookup(bare))).contains(bare);
    }

    // ---- refresh writes -----------------------------------------------------------------------------------

    @Test
    void whenRotateAppliesThenOldIsRotatedSuccessorActiveAndFamilyAccessTokenReplaced() {
        Grant grant = saveGrant();
        RefreshTokenRecord successor = Records.successorOf(grant.refresh, NOW.plusSeconds(60), HOUR);
        AccessTokenRecord newAccess = Records.accessToken(NOW.plusSeconds(60), HOUR, grant.family);

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(
                new RefreshWrite.Rotate(grant.refresh.key(), successor, newAccess, NOW.plusSeconds(60)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.APPLIED);
        RefreshTokenRecord old = stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow();
        assertThat(old.state()).isEqualTo(RefreshTokenState.ROTATED);
        assertThat(old.rotatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(old.successorKey()).isEqualTo(successor.key());
        assertThat(stores.tokens().findRefreshToken(Records.lookup(successor))).contains(successor);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grant.access))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(newAccess))).contains(newAccess);
    }

    @Test
    void whenTokenAlreadyRotatedThenSecondRotationFailsItsPrecondition() {
        Grant grant = saveGrant();
        stores.tokens().applyRefresh(rotation(grant, NOW.plusSeconds(1)));

        RefreshWrite second = rotation(grant, NOW.plusSeconds(2));

        assertThat(stores.tokens().applyRefresh(second)).isEqualTo(RefreshWriteOutcome.PRECONDITION_FAILED);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(((RefreshWrite.Rotate) second).successor())))
                .isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(second.accessToken()))).isEmpty();
    }

    @Test
    void whenRefreshTokenExpiredThenRotationFailsItsPrecondition() {
        Grant grant = saveGrant();

        RefreshWrite late = rotation(grant, grant.refresh.expiresAt());

        assertThat(stores.tokens().applyRefresh(late)).isEqualTo(RefreshWriteOutcome.PRECONDITION_FAILED);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void whenNewAccessTokenIsDuplicateThenRotationChangesNothing() {
        Grant grant = saveGrant();
        AccessTokenRecord other = Records.accessToken(NOW, HOUR, null);
        stores.tokens().saveAccessToken(other);
        RefreshTokenRecord successor = Records.successorOf(grant.refresh, NOW, HOUR);
        AccessTokenRecord clash = withKey(Records.accessToken(NOW, HOUR, grant.family), other.key());

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(
                new RefreshWrite.Rotate(grant.refresh.key(), successor, clash, NOW.plusSeconds(1)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.DUPLICATE);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(successor))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grant.access))).isPresent();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(other))).contains(other);
    }

    @Test
    void whenSuccessorKeyIsTakenThenRotationChangesNothing() {
        Grant grant = saveGrant();
        Grant other = saveGrant();
        RefreshTokenRecord fresh = Records.successorOf(grant.refresh, NOW, HOUR);
        RefreshTokenRecord clash = RefreshTokenRecord.builder(other.refresh.key(), fresh.hash(), fresh.grant())
                .issuedAt(fresh.issuedAt()).expiresAt(fresh.expiresAt()).properties(fresh.properties())
                .clientIdAliasUsed(fresh.clientIdAliasUsed()).build();
        AccessTokenRecord newAccess = Records.accessToken(NOW, HOUR, grant.family);

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(
                new RefreshWrite.Rotate(grant.refresh.key(), clash, newAccess, NOW.plusSeconds(1)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.DUPLICATE);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(other.refresh))).contains(other.refresh);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(newAccess))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grant.access))).isPresent();
    }

    @Test
    void whenExtendAppliesThenExpiryAndPropertiesChangeAndTheTokenStaysActive() {
        Grant grant = saveGrant();
        Instant later = NOW.plus(Duration.ofDays(30));
        List<TokenProperty> properties = List.of(new TokenProperty("tenant", "globex", true));
        AccessTokenRecord newAccess = Records.accessToken(NOW.plusSeconds(5), HOUR, grant.family);

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(
                new RefreshWrite.Extend(grant.refresh.key(), later, properties, newAccess, NOW.plusSeconds(5)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.APPLIED);
        RefreshTokenRecord kept = stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow();
        assertThat(kept.state()).isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(kept.expiresAt()).isEqualTo(later);
        assertThat(kept.properties()).isEqualTo(properties);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grant.access))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(newAccess))).contains(newAccess);
    }

    @Test
    void whenReplayAppliesThenAnAccessTokenIsAddedAndTheGenerationsOthersStay() {
        Grant grant = saveGrant();
        RefreshWrite.Rotate rotate = rotation(grant, NOW.plusSeconds(1));
        stores.tokens().applyRefresh(rotate);
        AccessTokenRecord replayAccess = Records.accessToken(NOW.plusSeconds(2), HOUR, grant.family);

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(
                new RefreshWrite.Replay(rotate.successor().key(), replayAccess, NOW.plusSeconds(2)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.APPLIED);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(rotate.successor()))).contains(rotate.successor());
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(rotate.accessToken()))).contains(rotate.accessToken());
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(replayAccess))).contains(replayAccess);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grant.access))).isEmpty();
    }

    @Test
    void whenTheSuccessorIsRotatedAfterReplaysThenEveryAccessTokenOfTheReplayedGenerationIsGone() {
        Grant grant = saveGrant();
        RefreshWrite.Rotate rotate = rotation(grant, NOW.plusSeconds(1));
        stores.tokens().applyRefresh(rotate);
        AccessTokenRecord replayAccess = Records.accessToken(NOW.plusSeconds(2), HOUR, grant.family);
        stores.tokens().applyRefresh(new RefreshWrite.Replay(rotate.successor().key(), replayAccess,
                NOW.plusSeconds(2)));
        RefreshTokenRecord third = Records.successorOf(rotate.successor(), NOW.plusSeconds(3), HOUR);
        AccessTokenRecord thirdAccess = Records.accessToken(NOW.plusSeconds(3), HOUR, grant.family);

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(new RefreshWrite.Rotate(
                rotate.successor().key(), third, thirdAccess, NOW.plusSeconds(3)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.APPLIED);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(rotate.accessToken()))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(replayAccess))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(thirdAccess))).contains(thirdAccess);
    }

    @Test
    void whenSuccessorNoLongerActiveThenReplayFailsItsPrecondition() {
        Grant grant = saveGrant();
        RefreshWrite.Rotate rotate = rotation(grant, NOW.plusSeconds(1));
        stores.tokens().applyRefresh(rotate);
        stores.tokens().revokeGrant(grant.family);

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(new RefreshWrite.Replay(rotate.successor().key(),
                Records.accessToken(NOW, HOUR, grant.family), NOW.plusSeconds(2)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.PRECONDITION_FAILED);
    }

    @Test
    void whenAnAccessTokenIsDeletedThenOnlyItIsGoneAndItsGrantStaysUsable() {
        Grant grant = saveGrant();
        AccessTokenRecord chosen = Records.callerChosenAccessToken(NOW, HOUR, Records.freshHash());
        stores.tokens().saveAccessToken(chosen);

        assertThat(stores.tokens().deleteAccessToken(grant.access.key())).isTrue();
        assertThat(stores.tokens().deleteAccessToken(grant.access.key())).as("idempotent").isFalse();
        assertThat(stores.tokens().deleteAccessToken(chosen.key())).isTrue();

        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grant.access))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, new TokenLookup(0, chosen.hash()))).isEmpty();
        assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(stores.tokens().findGrant(grant.family).orElseThrow().revoked()).isFalse();
        assertThat(stores.tokens().saveAccessToken(Records.callerChosenAccessToken(NOW, HOUR, chosen.hash())))
                .as("a deleted caller-chosen value is free again").isEqualTo(SaveOutcome.SAVED);
    }

    @Test
    void whenGrantRevokedThenEveryRefreshTokenIsRevokedAndItsAccessTokensAreGone() {
        Grant grant = saveGrant();
        RefreshWrite.Rotate rotate = rotation(grant, NOW.plusSeconds(1));
        stores.tokens().applyRefresh(rotate);
        Grant otherFamily = saveGrant();

        stores.tokens().revokeGrant(grant.family);
        stores.tokens().revokeGrant(grant.family);

        assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(rotate.successor())).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(rotate.accessToken()))).isEmpty();
        assertThat(stores.tokens().findRefreshToken(Records.lookup(otherFamily.refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(otherFamily.access))).isPresent();
    }

    @Test
    void whenARevocationRacesRotationsThenNothingOfTheGrantStaysUsable() throws Exception {
        for (int round = 0; round < 10; round++) {
            Grant grant = saveGrant();
            List<RefreshWrite.Rotate> rotations = new ArrayList<>();
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RefreshWrite.Rotate rotate = rotation(grant, NOW.plusSeconds(1));
                rotations.add(rotate);
                tasks.add(() -> stores.tokens().applyRefresh(rotate));
            }
            tasks.add(round % 2, () -> {
                stores.tokens().revokeGrant(grant.family);
                return null;
            });

            Concurrently.run(tasks);

            assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().state())
                    .isEqualTo(RefreshTokenState.REVOKED);
            for (RefreshWrite.Rotate rotate : rotations) {
                assertThat(stores.tokens().findRefreshToken(Records.lookup(rotate.successor()))
                        .map(RefreshTokenRecord::state)).as("a successor saved in the race")
                        .isIn(Optional.empty(), Optional.of(RefreshTokenState.REVOKED));
                assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(rotate.accessToken())))
                        .isEmpty();
            }
            assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(grant.access))).isEmpty();
        }
    }

    @Test
    void whenManyThreadsRotateOneTokenThenExactlyOneSucceeds() throws Exception {
        Grant grant = saveGrant();
        int threads = 8;
        List<Callable<RefreshWriteOutcome>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            attempts.add(() -> stores.tokens().applyRefresh(rotation(grant, NOW.plusSeconds(1))));
        }

        List<RefreshWriteOutcome> outcomes = Concurrently.run(attempts);

        assertThat(outcomes).filteredOn(outcome -> outcome == RefreshWriteOutcome.APPLIED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == RefreshWriteOutcome.PRECONDITION_FAILED)
                .hasSize(threads - 1);
    }

    // ---- tickets ------------------------------------------------------------------------------------------

    @Test
    void whenTicketUsedThenItIsReturnedOnceAndThenReportedAsUsed() {
        assertReturnedOnceThenReportedAsUsed(Records.ticket(Records.SERVICE, NOW, HOUR));
    }

    private void assertReturnedOnceThenReportedAsUsed(Ticket ticket) {
        stores.tickets().saveTicket(ticket);

        TicketUse first = stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW.plusSeconds(1));
        TicketUse second = stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW.plusSeconds(2));

        assertThat(first.status()).isEqualTo(TicketUse.Status.USED);
        assertThat(first.ticket()).isEqualTo(ticket);
        assertThat(second.status()).isEqualTo(TicketUse.Status.ALREADY_USED);
    }

    @Test
    void whenTicketExpiredThenUseReportsExpired() {
        Ticket ticket = Records.ticket(Records.SERVICE, NOW, HOUR);
        stores.tickets().saveTicket(ticket);

        assertThat(stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, ticket.expiresAt()).status())
                .isEqualTo(TicketUse.Status.EXPIRED);
    }

    @Test
    void whenTicketBelongsToAnotherServiceOrIsUnknownThenUseReportsNotFound() {
        Ticket ticket = Records.ticket(Records.SERVICE, NOW, HOUR);
        stores.tickets().saveTicket(ticket);

        assertThat(stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE + 1, NOW).status())
                .isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.tickets().useTicket(new TokenLookup(Records.freshKey(), Records.freshHash()), Records.SERVICE,
                NOW).status())
                .isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW).status())
                .isEqualTo(TicketUse.Status.USED);
    }

    @Test
    void whenManyThreadsUseOneTicketThenExactlyOneSucceeds() throws Exception {
        List<TicketUse.Status> statuses = useFromEightThreads(Records.ticket(Records.SERVICE, NOW, HOUR));

        assertThat(statuses).filteredOn(status -> status == TicketUse.Status.USED).hasSize(1);
    }

    private List<TicketUse.Status> useFromEightThreads(Ticket ticket) throws Exception {
        stores.tickets().saveTicket(ticket);
        List<Callable<TicketUse.Status>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW).status());
        }
        return Concurrently.run(attempts);
    }

    @Test
    void whenTicketPresentedWithItsKeyButAnotherHashThenItIsNotFoundAndStaysUsable() {
        Ticket ticket = Records.ticket(Records.SERVICE, NOW, HOUR);
        stores.tickets().saveTicket(ticket);

        assertThat(stores.tickets().useTicket(new TokenLookup(ticket.key(), Records.freshHash()), Records.SERVICE,
                NOW).status()).as("the key is not secret: the hash must match too")
                .isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.tickets().useTicket(new TokenLookup(0, ticket.hash()), Records.SERVICE, NOW).status())
                .as("a keyed ticket is not found by its hash alone").isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.tickets().useTicket(Records.lookup(ticket), Records.SERVICE, NOW).status())
                .isEqualTo(TicketUse.Status.USED);
    }

    /** A ticket saved before tickets carried a row key (in flight across the upgrade to V12): found by hash. */
    @Test
    void whenLegacyTicketUsedThenItIsReturnedOnceAndThenReportedAsUsed() {
        Ticket ticket = Records.legacyTicket(Records.SERVICE, NOW, HOUR);
        assertReturnedOnceThenReportedAsUsed(ticket);

        assertThat(stores.tickets().useTicket(new TokenLookup(Records.freshKey(), ticket.hash()), Records.SERVICE,
                NOW).status()).as("a legacy ticket has no key to match").isEqualTo(TicketUse.Status.NOT_FOUND);
    }

    @Test
    void whenManyThreadsUseOneLegacyTicketThenExactlyOneSucceeds() throws Exception {
        List<TicketUse.Status> statuses = useFromEightThreads(Records.legacyTicket(Records.SERVICE, NOW, HOUR));

        assertThat(statuses).filteredOn(status -> status == TicketUse.Status.USED).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == TicketUse.Status.ALREADY_USED).hasSize(7);
    }

    @Test
    void whenALegacyAndAKeyedTicketExpireThenHousekeepingDeletesBoth() {
        Ticket legacy = Records.legacyTicket(Records.SERVICE, NOW.minus(Duration.ofHours(2)), HOUR);
        Ticket keyed = Records.ticket(Records.SERVICE, NOW.minus(Duration.ofHours(2)), HOUR);
        stores.tickets().saveTicket(legacy);
        stores.tickets().saveTicket(keyed);

        assertThat(stores.housekeeping().purgeExpired(NOW, 1000)).isEqualTo(2);
        assertThat(stores.tickets().useTicket(Records.lookup(legacy), Records.SERVICE, NOW.minus(Duration.ofHours(2)))
                .status()).isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.tickets().useTicket(Records.lookup(keyed), Records.SERVICE, NOW.minus(Duration.ofHours(2)))
                .status()).isEqualTo(TicketUse.Status.NOT_FOUND);
    }

    // ---- housekeeping -------------------------------------------------------------------------------------

    @Test
    void whenPurgingThenExpiredRowsGoAndLiveRowsStay() {
        AccessTokenRecord expiredAccess = Records.accessToken(NOW.minus(Duration.ofHours(2)), HOUR, null);
        AccessTokenRecord liveAccess = Records.accessToken(NOW, HOUR, null);
        FamilyId family = FamilyId.random();
        RefreshTokenRecord expiredRefresh = Records.refreshToken(NOW.minus(Duration.ofDays(2)), Duration.ofDays(1),
                family);
        AccessTokenRecord expiredFamilyAccess = Records.accessToken(NOW.minus(Duration.ofDays(2)), HOUR, family);
        Ticket expiredTicket = Records.ticket(Records.SERVICE, NOW.minus(Duration.ofHours(2)), HOUR);
        Ticket liveTicket = Records.ticket(Records.SERVICE, NOW, HOUR);
        stores.tokens().saveAccessToken(expiredAccess);
        stores.tokens().saveAccessToken(liveAccess);
        stores.tokens().saveGrant(expiredFamilyAccess, expiredRefresh);
        Grant live = saveGrant();
        stores.tickets().saveTicket(expiredTicket);
        stores.tickets().saveTicket(liveTicket);

        int purged = stores.housekeeping().purgeExpired(NOW, 1000);

        assertThat(purged).isEqualTo(4);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(expiredAccess))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(expiredFamilyAccess))).isEmpty();
        assertThat(stores.tokens().findRefreshToken(Records.lookup(expiredRefresh))).isEmpty();
        assertThat(stores.tickets().useTicket(Records.lookup(expiredTicket), Records.SERVICE, NOW).status())
                .isEqualTo(TicketUse.Status.NOT_FOUND);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(liveAccess))).isPresent();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(live.access))).isPresent();
        assertThat(stores.tokens().findRefreshToken(Records.lookup(live.refresh))).isPresent();
        assertThat(stores.tickets().useTicket(Records.lookup(liveTicket), Records.SERVICE, NOW).status())
                .isEqualTo(TicketUse.Status.USED);
    }

    @Test
    void whenPurgingWithALimitThenAtMostThatManyRowsOfAKindGoPerCall() {
        for (int i = 0; i < 5; i++) {
            stores.tokens().saveAccessToken(Records.accessToken(NOW.minus(Duration.ofHours(2)), HOUR, null));
        }

        assertThat(stores.housekeeping().purgeExpired(NOW, 2)).isEqualTo(2);
        assertThat(stores.housekeeping().purgeExpired(NOW, 2)).isEqualTo(2);
        assertThat(stores.housekeeping().purgeExpired(NOW, 2)).isEqualTo(1);
        assertThat(stores.housekeeping().purgeExpired(NOW, 2)).isZero();
    }

    @Test
    void whenRotatedTokenIsUnexpiredThenPurgeKeepsItForReuseDetection() {
        Grant grant = saveGrant();
        stores.tokens().applyRefresh(rotation(grant, NOW.plusSeconds(1)));

        stores.housekeeping().purgeExpired(NOW.plus(Duration.ofDays(1)), 1000);

        assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ROTATED);
    }

    // ---- grants ---------------------------------------------------------------------------------------------

    @Test
    void whenGrantIsSavedThenItsRefreshTokensCarryIt() {
        Grant grant = saveGrant();

        RefreshTokenRecord found = stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow();

        assertThat(found.grant()).isEqualTo(grant.refresh.grant());
        assertThat(found.grant().claims()).isEqualTo("{\"userinfo\":{\"email\":null}}");
        assertThat(found.grant().authTime()).isEqualTo(NOW.minusSeconds(30));
        assertThat(found.grant().acr()).isEqualTo("urn:example:acr:pwd");
        assertThat(found.grant().nonce()).isEqualTo("n-0S6_WzA2Mj");
        assertThat(found.grant().consentedClaims()).containsExactly("email", "name#ja");
        assertThat(found).isEqualTo(grant.refresh);
        assertThat(stores.tokens().findGrant(grant.family)).contains(grant.refresh.grant());
        assertThat(stores.tokens().findGrant(FamilyId.random())).isEmpty();
    }

    @Test
    void whenAGrantSaysNothingOrNoneAboutConsentedClaimsThenBothSurviveDistinct() {
        for (java.util.List<String> consented : java.util.Arrays.asList(null, java.util.List.<String>of())) {
            FamilyId family = FamilyId.random();
            GrantRecord grant = Records.grant(NOW, family).toBuilder().consentedClaims(consented).build();
            RefreshTokenRecord refresh = RefreshTokenRecord.builder(Records.freshKey(), Records.freshHash(), grant)
                    .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofDays(10))).state(RefreshTokenState.ACTIVE).build();
            assertThat(stores.tokens().saveGrant(Records.accessToken(NOW, HOUR, family), refresh))
                    .isEqualTo(SaveOutcome.SAVED);

            assertThat(stores.tokens().findGrant(family).orElseThrow().consentedClaims()).isEqualTo(consented);
        }
    }

    @Test
    void whenAGrantsIdIsTakenThenSavingItWritesNothing() {
        Grant grant = saveGrant();
        AccessTokenRecord access = Records.accessToken(NOW, HOUR, grant.family);
        RefreshTokenRecord refresh = Records.refreshToken(NOW, HOUR, grant.family);

        assertThat(stores.tokens().saveGrant(access, refresh)).isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(access))).isEmpty();
        assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh))).isEmpty();
    }

    @Test
    void whenGrantIsRevokedThenRotationIsRefusedAndWritesNothing() {
        Grant grant = saveGrant();
        stores.tokens().revokeGrant(grant.family);
        RefreshWrite.Rotate rotate = rotation(grant, NOW.plusSeconds(1));

        assertThat(stores.tokens().applyRefresh(rotate)).isEqualTo(RefreshWriteOutcome.PRECONDITION_FAILED);
        assertThat(stores.tokens().findRefreshToken(Records.lookup(rotate.successor()))).isEmpty();
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(rotate.accessToken()))).isEmpty();
        RefreshTokenRecord presented = stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow();
        assertThat(presented.state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(presented.grant().revoked()).isTrue();
        assertThat(stores.tokens().findGrant(grant.family).orElseThrow().revoked()).isTrue();
    }

    @Test
    void whenGrantIsRevokedThenExtensionIsRefused() {
        Grant grant = saveGrant();
        stores.tokens().revokeGrant(grant.family);
        AccessTokenRecord access = Records.accessToken(NOW.plusSeconds(1), HOUR, grant.family);

        RefreshWriteOutcome outcome = stores.tokens().applyRefresh(new RefreshWrite.Extend(grant.refresh.key(),
                NOW.plus(Duration.ofDays(20)), List.of(), access, NOW.plusSeconds(1)));

        assertThat(outcome).isEqualTo(RefreshWriteOutcome.PRECONDITION_FAILED);
        assertThat(stores.tokens().findAccessToken(Records.SERVICE, Records.lookup(access))).isEmpty();
        assertThat(stores.tokens().findRefreshToken(Records.lookup(grant.refresh)).orElseThrow().expiresAt())
                .isEqualTo(grant.refresh.expiresAt());
    }

    @Test
    void whenAGrantIsRevokedThenAnotherGrantIsUntouched() {
        Grant revoked = saveGrant();
        Grant other = saveGrant();

        stores.tokens().revokeGrant(revoked.family);

        assertThat(stores.tokens().applyRefresh(rotation(other, NOW.plusSeconds(1))))
                .isEqualTo(RefreshWriteOutcome.APPLIED);
    }

    @Test
    void whenARefreshOutlivesItsGrantThenTheGrantIsKeptUntilTheNewTokensExpire() {
        Grant grant = saveGrant();
        Instant later = NOW.plus(Records.GRANT_LIFETIME).plus(Duration.ofDays(30));
        RefreshTokenRecord successor = Records.successorOf(grant.refresh, NOW.plusSeconds(1),
                Duration.between(NOW.plusSeconds(1), later));

        stores.tokens().applyRefresh(new RefreshWrite.Rotate(grant.refresh.key(), successor,
                Records.accessToken(NOW.plusSeconds(1), HOUR, grant.family), NOW.plusSeconds(1)));
        stores.housekeeping().purgeExpired(NOW.plus(Records.GRANT_LIFETIME).plusSeconds(1), 1000);

        RefreshTokenRecord found = stores.tokens().findRefreshToken(Records.lookup(successor)).orElseThrow();
        assertThat(found.grant().expiresAt()).isEqualTo(later);
        assertThat(found.state()).isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void whenAGrantHasExpiredThenPurgingRemovesIt() {
        FamilyId family = FamilyId.random();
        Instant issued = NOW.minus(Duration.ofDays(3));
        RefreshTokenRecord refresh = RefreshTokenRecord.builder(Records.freshKey(), Records.freshHash(),
                        Records.grant(issued, family).toBuilder().expiresAt(issued.plus(Duration.ofDays(1))).build())
                .issuedAt(issued).expiresAt(issued.plus(Duration.ofDays(1))).build();
        stores.tokens().saveGrant(Records.accessToken(issued, HOUR, family), refresh);

        assertThat(stores.housekeeping().purgeExpired(NOW, 1000)).isEqualTo(3);
        assertThat(stores.housekeeping().purgeExpired(NOW, 1000)).isZero();
        assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh))).isEmpty();
    }

    // ---- services, clients, users, settings ---------------------------------------------------------------

    @Test
    void whenServicesAreManagedThenInsertFindUpdateListAndDeleteBehave() {
        StoredService first = service(11, "{\"serviceName\":\"one\"}");
        StoredService second = service(12, "{\"serviceName\":\"two\"}");

        assertThat(stores.services().insert(first)).isTrue();
        assertThat(stores.services().insert(second)).isTrue();
        assertThat(stores.services().insert(service(11, "{}"))).isFalse();
        assertThat(stores.services().find(11)).contains(first);

        StoredService changed = new StoredService(11, first.apiSecretHash(), "{\"serviceName\":\"uno\"}",
                first.createdAt(), NOW.plusSeconds(9));
        assertThat(stores.services().update(changed)).isTrue();
        assertThat(stores.services().find(11)).contains(changed);
        assertThat(stores.services().update(service(99, "{}"))).isFalse();

        assertThat(stores.services().count()).isEqualTo(2);
        assertThat(stores.services().list(0, 5)).extracting(StoredService::id).containsExactly(11L, 12L);
        assertThat(stores.services().list(1, 2)).extracting(StoredService::id).containsExactly(12L);

        assertThat(stores.services().delete(11)).isTrue();
        assertThat(stores.services().delete(11)).isFalse();
        assertThat(stores.services().find(11)).isEmpty();
    }

    @Test
    void whenServiceIsDeletedThenItsClientsAndUsersGoToo() {
        stores.services().insert(service(21, "{}"));
        stores.clients().insert(client(21, 2101, "alias", "secret"));
        stores.users().insert(new StoredUser(21, "alice", "alice", "$argon2id$x", NOW));

        stores.services().delete(21);

        assertThat(stores.clients().find(21, 2101)).isEmpty();
        assertThat(stores.users().find(21, "alice")).isEmpty();
    }

    @Test
    void whenAClientIsDeletedThenEverythingIssuedToItGoesAndOtherClientsKeepTheirs() {
        stores.services().insert(service(Records.SERVICE, "{}"));
        stores.clients().insert(client(Records.SERVICE, Records.CLIENT, null, "secret"));
        stores.clients().insert(client(Records.SERVICE, OTHER_CLIENT, null, "secret"));
        Issued deleted = issueEverything(Records.CLIENT);
        Issued kept = issueEverything(OTHER_CLIENT);

        assertThat(stores.clients().delete(Records.SERVICE, Records.CLIENT)).isTrue();

        deleted.assertGone();
        kept.assertPresent();
        assertThat(stores.clients().delete(Records.SERVICE, Records.CLIENT)).as("deleted once").isFalse();
    }

    @Test
    void whenAServiceIsDeletedThenEverythingIssuedToItsClientsGoesAndOtherServicesKeepTheirs() {
        stores.services().insert(service(Records.SERVICE, "{}"));
        stores.services().insert(service(Records.OTHER_SERVICE, "{}"));
        stores.clients().insert(client(Records.SERVICE, Records.CLIENT, null, "secret"));
        stores.clients().insert(client(Records.OTHER_SERVICE, OTHER_CLIENT, null, "secret"));
        Issued deleted = issueEverything(Records.SERVICE, Records.CLIENT);
        Issued kept = issueEverything(Records.OTHER_SERVICE, OTHER_CLIENT);

        assertThat(stores.services().delete(Records.SERVICE)).isTrue();

        deleted.assertGone();
        kept.assertPresent();
    }

    private static final long OTHER_CLIENT = Records.CLIENT + 1;

    private Issued issueEverything(long clientId) {
        return issueEverything(Records.SERVICE, clientId);
    }

    /** One of every row a client can have: a lone access token, a grant with its tokens, tickets, a code, a consent. */
    private Issued issueEverything(long serviceId, long clientId) {
        AccessTokenRecord lone = ofClient(Records.accessToken(NOW, HOUR, null), serviceId, clientId);
        FamilyId family = FamilyId.random();
        AccessTokenRecord grantAccess = ofClient(Records.accessToken(NOW, HOUR, family), serviceId, clientId);
        RefreshTokenRecord refresh = RefreshTokenRecord.builder(Records.freshKey(), Records.freshHash(),
                        GrantRecord.builder(family).serviceId(serviceId).clientId(clientId).subject("alice")
                                .scopes(Scopes.of("read"))
                                .grantType(GrantType.PASSWORD).createdAt(NOW)
                                .expiresAt(NOW.plus(Records.GRANT_LIFETIME)).build())
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofDays(10))).properties(List.of())
                .state(RefreshTokenState.ACTIVE).build();
        Ticket ticket = new Ticket(Records.freshKey(), Records.freshHash(), serviceId, clientId, false, null,
                Scopes.of("read"), List.of(), NOW, NOW.plus(HOUR), null);
        RequestedAuthorization request = RequestedAuthorization.builder().clientId(clientId, false)
                .redirectUri("https://client.example/cb", false).build();
        AuthorizationTicket authorizationTicket = new AuthorizationTicket(Records.freshKey(), Records.freshHash(), serviceId,
                request, NOW, NOW.plus(HOUR));
        AuthorizationCode code = new AuthorizationCode(
                Records.freshKey(), Records.freshHash(), serviceId, request, AuthorizationStoreContract.fullApproval(),
                NOW, NOW.plus(HOUR));

        assertThat(stores.tokens().saveAccessToken(lone)).isEqualTo(SaveOutcome.SAVED);
        assertThat(stores.tokens().saveGrant(grantAccess, refresh)).isEqualTo(SaveOutcome.SAVED);
        stores.tickets().saveTicket(ticket);
        stores.authorizationTickets().saveAuthorizationTicket(authorizationTicket);
        stores.authorizationCodes().saveAuthorizationCode(code);
        stores.consents().grant(serviceId, "alice", clientId, List.of("read"), NOW.getEpochSecond());
        return new Issued(serviceId, clientId, lone, grantAccess, refresh, ticket, authorizationTicket, code);
    }

    private static AccessTokenRecord ofClient(AccessTokenRecord token, long serviceId, long clientId) {
        return AccessTokenRecord.builder(token.key(), token.hash())
                .serviceId(serviceId).clientId(clientId).subject(token.subject()).scopes(token.scopes())
                .grantType(token.grantType()).issuedAt(token.issuedAt()).expiresAt(token.expiresAt())
                .family(token.family()).build();
    }

    /** What {@link #issueEverything} wrote, and how to look for it through the ports. */
    private final class Issued {
        private final long serviceId;
        private final long clientId;
        private final AccessTokenRecord lone;
        private final AccessTokenRecord grantAccess;
        private final RefreshTokenRecord refresh;
        private final Ticket ticket;
        private final AuthorizationTicket authorizationTicket;
        private final AuthorizationCode code;

        Issued(long serviceId, long clientId, AccessTokenRecord lone, AccessTokenRecord grantAccess,
                RefreshTokenRecord refresh, Ticket ticket,
                AuthorizationTicket authorizationTicket,
                AuthorizationCode code) {
            this.serviceId = serviceId;
            this.clientId = clientId;
            this.lone = lone;
            this.grantAccess = grantAccess;
            this.refresh = refresh;
            this.ticket = ticket;
            this.authorizationTicket = authorizationTicket;
            this.code = code;
        }

        void assertGone() {
            assertThat(stores.tokens().findAccessToken(serviceId, Records.lookup(lone))).isEmpty();
            assertThat(stores.tokens().findAccessToken(serviceId, Records.lookup(grantAccess))).isEmpty();
            assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh))).isEmpty();
            assertThat(stores.tokens().findGrant(refresh.family())).isEmpty();
            assertThat(stores.consents().granted(serviceId, "alice", clientId)).isEmpty();
            // single use: checked last, since using them is what is tested
            assertThat(stores.tickets().useTicket(Records.lookup(ticket), serviceId, NOW).status())
                    .isEqualTo(TicketUse.Status.NOT_FOUND);
            assertThat(stores.authorizationTickets().useAuthorizationTicket(Records.lookup(authorizationTicket), serviceId,
                    NOW).status()).isEqualTo(TicketUse.Status.NOT_FOUND);
            assertThat(stores.authorizationCodes().redeem(Records.lookup(code), serviceId, NOW))
                    .isInstanceOf(CodeRedemption.NotFound.class);
        }

        void assertPresent() {
            assertThat(stores.tokens().findAccessToken(serviceId, Records.lookup(lone))).isPresent();
            assertThat(stores.tokens().findAccessToken(serviceId, Records.lookup(grantAccess))).isPresent();
            assertThat(stores.tokens().findRefreshToken(Records.lookup(refresh))).isPresent();
            assertThat(stores.tokens().findGrant(refresh.family())).isPresent();
            assertThat(stores.consents().granted(serviceId, "alice", clientId)).containsExactly("read");
            assertThat(stores.tickets().useTicket(Records.lookup(ticket), serviceId, NOW).status())
                    .isEqualTo(TicketUse.Status.USED);
            assertThat(stores.authorizationTickets().useAuthorizationTicket(Records.lookup(authorizationTicket), serviceId,
                    NOW).status()).isEqualTo(TicketUse.Status.USED);
            assertThat(stores.authorizationCodes().redeem(Records.lookup(code), serviceId, NOW))
                    .isInstanceOf(CodeRedemption.Redeemed.class);
        }
    }

    @Test
    void whenClientsAreManagedThenSecretsAndAliasesRoundTrip() {
        stores.services().insert(service(31, "{}"));
        StoredClient client = client(31, 3101, "web-app", "s3cret");

        assertThat(stores.clients().insert(client)).isEqualTo(ClientRegistry.Outcome.DONE);

        StoredClient found = stores.clients().find(31, 3101).orElseThrow();
        assertThat(found.secret().matches("s3cret")).isTrue();
        assertThat(found.document()).isEqualTo(client.document());
        assertThat(found.alias()).isEqualTo("web-app");
        assertThat(stores.clients().findByAlias(31, "web-app")).map(StoredClient::clientId).contains(3101L);
        assertThat(stores.clients().find(32, 3101)).isEmpty();
    }

    @Test
    void whenClientIdOrAliasIsTakenThenInsertAndUpdateSaySo() {
        stores.services().insert(service(41, "{}"));
        stores.services().insert(service(42, "{}"));
        stores.clients().insert(client(41, 4101, "shared", "a"));

        assertThat(stores.clients().insert(client(42, 4101, null, "b")))
                .isEqualTo(ClientRegistry.Outcome.CONFLICT_OR_MISSING);
        assertThat(stores.clients().insert(client(41, 4102, "shared", "c")))
                .isEqualTo(ClientRegistry.Outcome.ALIAS_TAKEN);
        assertThat(stores.clients().insert(client(42, 4201, "shared", "d"))).isEqualTo(ClientRegistry.Outcome.DONE);
        stores.clients().insert(client(41, 4103, null, "e"));
        assertThat(stores.clients().update(client(41, 4103, "shared", "e")))
                .isEqualTo(ClientRegistry.Outcome.ALIAS_TAKEN);
        assertThat(stores.clients().update(client(41, 4199, null, "f")))
                .isEqualTo(ClientRegistry.Outcome.CONFLICT_OR_MISSING);
    }

    @Test
    void whenClientUpdatedListedAndDeletedThenChangesShow() {
        stores.services().insert(service(51, "{}"));
        stores.clients().insert(client(51, 5103, null, null));
        stores.clients().insert(client(51, 5101, "one", "x"));
        stores.clients().insert(client(51, 5102, null, "y"));

        StoredClient renamed = new StoredClient(51, 5101, "uno", ClientSecret.of("z"), "{\"clientName\":\"uno\"}",
                NOW, NOW.plusSeconds(1));
        assertThat(stores.clients().update(renamed)).isEqualTo(ClientRegistry.Outcome.DONE);
        assertThat(stores.clients().findByAlias(51, "one")).isEmpty();
        assertThat(stores.clients().find(51, 5101).orElseThrow().secret().matches("z")).isTrue();
        assertThat(stores.clients().find(51, 5103).orElseThrow().secret()).isNull();

        assertThat(stores.clients().count(51)).isEqualTo(3);
        assertThat(stores.clients().list(51, 0, 10)).extracting(StoredClient::clientId)
                .containsExactly(5101L, 5102L, 5103L);
        assertThat(stores.clients().list(51, 1, 2)).extracting(StoredClient::clientId).containsExactly(5102L);

        assertThat(stores.clients().delete(52, 5101)).isFalse();
        assertThat(stores.clients().delete(51, 5101)).isTrue();
        assertThat(stores.clients().find(51, 5101)).isEmpty();
    }

    @Test
    void whenUsersAreManagedThenInsertFindUpdateAndDeleteBehave() {
        stores.services().insert(service(61, "{}"));
        StoredUser alice = new StoredUser(61, "alice", "user-1", "$argon2id$v=19$abc", NOW);

        assertThat(stores.users().insert(alice)).isTrue();
        assertThat(stores.users().insert(alice)).isFalse();
        assertThat(stores.users().find(61, "alice")).contains(alice);
        assertThat(stores.users().find(62, "alice")).isEmpty();

        StoredUser changed = new StoredUser(61, "alice", "user-2", "$argon2id$v=19$def", NOW);
        assertThat(stores.users().update(changed)).isTrue();
        assertThat(stores.users().find(61, "alice")).contains(changed);

        assertThat(stores.users().delete(61, "alice")).isTrue();
        assertThat(stores.users().find(61, "alice")).isEmpty();
    }

    @Test
    void whenUsersHaveClaimsThenTheyAreKeptReplacedAloneAndFoundBySubject() {
        stores.services().insert(service(63, "{}"));
        String claims = "{\"name\":\"Alice Liddell\",\"email\":\"alice@example.com\",\"email_verified\":true}";
        StoredUser alice = new StoredUser(63, "alice", "user-1", "$argon2id$v=19$abc", NOW, claims);
        StoredUser bob = new StoredUser(63, "bob", "user-2", "$argon2id$v=19$def", NOW.plusSeconds(1));
        StoredUser aliceElsewhere = new StoredUser(64, "alice", "user-1", "$argon2id$v=19$ghi", NOW);
        assertThat(stores.users().insert(alice)).isTrue();
        assertThat(stores.users().insert(bob)).isTrue();
        assertThat(stores.users().insert(aliceElsewhere)).isTrue();

        assertThat(stores.users().find(63, "alice")).contains(alice);
        assertThat(stores.users().find(63, "bob").orElseThrow().claims()).isEqualTo(StoredUser.NO_CLAIMS);
        assertThat(stores.users().findBySubject(63, "user-1")).contains(alice);
        assertThat(stores.users().findBySubject(63, "user-2")).contains(bob);
        assertThat(stores.users().findBySubject(64, "user-1")).contains(aliceElsewhere);
        assertThat(stores.users().findBySubject(63, "alice")).as("by subject, not username").isEmpty();

        assertThat(stores.users().updateClaims(63, "bob", "{\"name\":\"Bob\"}")).isTrue();
        assertThat(stores.users().find(63, "bob")).contains(bob.withClaims("{\"name\":\"Bob\"}"));
        assertThat(stores.users().updateClaims(63, "carol", "{}")).isFalse();

        StoredUser renamed = new StoredUser(63, "alice", "user-3", "$argon2id$v=19$jkl", NOW, "{}");
        assertThat(stores.users().update(renamed)).isTrue();
        assertThat(stores.users().find(63, "alice")).contains(renamed);
        assertThat(stores.users().findBySubject(63, "user-1")).isEmpty();
    }

    /** Earlier releases let two users share a subject: the lookup then takes the one created first. */
    @Test
    void whenTwoUsersShareASubjectThenFindBySubjectTakesTheOldest() {
        stores.services().insert(service(65, "{}"));
        StoredUser newer = new StoredUser(65, "aaa", "shared", "$argon2id$v=19$abc", NOW.plusSeconds(5), "{}");
        StoredUser older = new StoredUser(65, "zzz", "shared", "$argon2id$v=19$def", NOW, "{\"name\":\"Z\"}");
        assertThat(stores.users().insert(newer)).isTrue();
        assertThat(stores.users().insert(older)).isTrue();

        assertThat(stores.users().findBySubject(65, "shared")).contains(older);
    }

    @Test
    void whenSettingPutTwiceThenTheLastValueWins() {
        assertThat(stores.settings().get("admin.token.hash")).isEmpty();

        stores.settings().put("admin.token.hash", "one");
        stores.settings().put("admin.token.hash", "two");

        assertThat(stores.settings().get("admin.token.hash")).contains("two");
    }

    @Test
    void whenOpenedThenTheStoreIsHealthy() {
        assertThat(stores.isHealthy()).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private record Grant(FamilyId family, AccessTokenRecord access, RefreshTokenRecord refresh) {
    }

    private Grant saveGrant() {
        FamilyId family = FamilyId.random();
        Grant grant = new Grant(family, Records.accessToken(NOW, HOUR, family),
                Records.refreshToken(NOW, Duration.ofDays(10), family));
        assertThat(stores.tokens().saveGrant(grant.access, grant.refresh)).isEqualTo(SaveOutcome.SAVED);
        return grant;
    }

    private static AccessTokenRecord withKey(AccessTokenRecord token, long key) {
        return AccessTokenRecord.builder(key, token.hash())
                .callerChosen(token.callerChosen()).serviceId(token.serviceId()).clientId(token.clientId())
                .subject(token.subject()).scopes(token.scopes()).resources(token.resources())
                .grantType(token.grantType()).issuedAt(token.issuedAt()).expiresAt(token.expiresAt())
                .family(token.family()).properties(token.properties()).clientIdAliasUsed(token.clientIdAliasUsed())
                .build();
    }

    private static RefreshWrite.Rotate rotation(Grant grant, Instant at) {
        return new RefreshWrite.Rotate(grant.refresh.key(), Records.successorOf(grant.refresh, at, HOUR),
                Records.accessToken(at, HOUR, grant.family), at);
    }

    private static StoredService service(long id, String document) {
        return new StoredService(id, Records.freshHash(), document, NOW, NOW);
    }

    private static StoredClient client(long serviceId, long clientId, String alias, String secret) {
        return new StoredClient(serviceId, clientId, alias, secret == null ? null : ClientSecret.of(secret),
                "{\"clientId\":" + clientId + "}", NOW, NOW);
    }
}
