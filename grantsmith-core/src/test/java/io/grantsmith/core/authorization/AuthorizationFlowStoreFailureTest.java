package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.AuthorizationTicketUse;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * When the store fails, each step of the authorization flow answers {@code INTERNAL_SERVER_ERROR} with its own
 * result code and {@code server_error}, never an exception: the authorization server shows an error page.
 */
class AuthorizationFlowStoreFailureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    /** Tickets and codes whose every operation fails, as a store on a full disk does. */
    private static final class BrokenStore implements AuthorizationTicketStore, AuthorizationCodeStore {
        @Override
        public void saveAuthorizationTicket(AuthorizationTicket ticket) {
            throw new StoreException("disk full (test)");
        }

        @Override
        public AuthorizationTicketUse useAuthorizationTicket(TokenLookup ticket, long serviceId, Instant now) {
            throw new StoreException("disk full (test)");
        }

        @Override
        public void saveAuthorizationCode(AuthorizationCode code) {
            throw new StoreException("disk full (test)");
        }

        @Override
        public CodeRedemption redeem(TokenLookup code, long serviceId, Instant now) {
            throw new StoreException("disk full (test)");
        }

        @Override
        public boolean recordIssued(TokenLookup code, long serviceId, FamilyId grant) {
            throw new StoreException("disk full (test)");
        }
    }

    private final BrokenStore store = new BrokenStore();
    private final AuthorizationFlow flow = new AuthorizationFlow(AuthorizationFixture.clients(), store, store,
            new TestJsonReader(), new SecureRandom(), CLOCK, Duration.ofMinutes(10));

    @Test
    void whenTheTicketCannotBeStoredThenAuthorizationIsAServerError() {
        AuthorizationStart start = flow.authorize(AuthorizationFixture.service(), AuthorizationFixture.webQuery());

        assertThat(start.ticket()).isNull();
        assertThat(start.result()).isInstanceOfSatisfying(AuthorizationResult.InternalServerError.class, failure ->
                assertThat(failure.error().result().code().code()).isEqualTo("A004192"));
    }

    @Test
    void whenTheTicketCannotBeUsedThenIssueAndFailAreServerErrors() {
        AuthorizationIssueResult issued = flow.issue(AuthorizationFixture.service(), new AuthorizationIssueRequest()
                .setTicket("t").setSubject("alice"));
        AuthorizationFailResult failed = flow.fail(AuthorizationFixture.service(), new AuthorizationFailRequest()
                .setTicket("t").setReason(AuthorizationFailRequest.Reason.DENIED));

        assertThat(issued.action()).isEqualTo(AuthorizationAction.INTERNAL_SERVER_ERROR);
        assertThat(issued.result().code().code()).isEqualTo("A041191");
        assertThat(failed.action()).isEqualTo(AuthorizationAction.INTERNAL_SERVER_ERROR);
        assertThat(failed.result().code().code()).isEqualTo("A059191");
    }
}
