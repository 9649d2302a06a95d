package io.grantsmith.facade.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.registry.StoredService;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password checks within their limits: verification slots, throttling per username and client, per client. */
class PasswordLimitsTest {
    private static final long SERVICE = 1;
    private static final long CLIENT = 10;
    private static final long OTHER_CLIENT = 11;

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = MutableClock.atFixedStart();
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    /**
     * Users stored with the cheapest Argon2id parameters (a hash carries its own), so that the many verifications
     * here take microseconds; only unknown users still cost a full verification, against the decoy.
     */
    @BeforeEach
    void addUsers() {
        stores.services().insert(new StoredService(SERVICE, TokenHasher.hash("secret"), "{}", clock.instant(),
                clock.instant()));
        for (String name : new String[] {"alice", "bob", "carol", "dave", "erin"}) {
            stores.users().insert(new StoredUser(SERVICE, name, name, cheapHash(name + "'s password"),
                    clock.instant()));
        }
    }

    private static String cheapHash(String password) {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(8).withIterations(1)
                .withParallelism(1).withSalt(salt).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=8,t=1,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void whenEveryVerificationSlotIsTakenThenTheAttemptIsBusyWithoutBeingCounted() {
        VerificationGate gate = new VerificationGate(1, Duration.ZERO);
        UserDirectory users = new UserDirectory(stores.services(), stores.users(), hasher, clock, gate,
                new FailedAttempts(limits(1, 60, 600), clock));
        assertThat(gate.enter()).isTrue(); // a verification in progress

        PasswordCheck busy = users.check(SERVICE, CLIENT, "alice", "wrong");
        gate.leave();

        assertThat(busy).isEqualTo(new PasswordCheck.Busy(Duration.ofSeconds(1)));
        // the busy attempt was not counted: one free failure is still there
        assertThat(users.check(SERVICE, CLIENT, "alice", "wrong")).isEqualTo(PasswordCheck.REJECTED);
        assertThat(users.check(SERVICE, CLIENT, "alice", "alice's password"))
                .isEqualTo(new PasswordCheck.Accepted("alice"));
    }

    @Test
    void whenUsernameFailsPastItsFreeAttemptsThenItWaitsWhileAnotherUserDoesNot() {
        UserDirectory users = directory(limits(2, 60, 600));

        assertThat(users.check(SERVICE, CLIENT, "alice", "guess 1")).isEqualTo(PasswordCheck.REJECTED);
        assertThat(users.check(SERVICE, CLIENT, "alice", "guess 2")).isEqualTo(PasswordCheck.REJECTED);
        assertThat(users.check(SERVICE, CLIENT, "alice", "guess 3")).isEqualTo(PasswordCheck.REJECTED);

        // even the right password waits: checking it would tell a guesser that it is right
        assertThat(users.check(SERVICE, CLIENT, "alice", "alice's password")).isEqualTo(
                new PasswordCheck.Throttled(ResultCode.PASSWORD_USER_THROTTLED, Duration.ofSeconds(1)));
        assertThat(users.check(SERVICE, CLIENT, "bob", "bob's password")).isEqualTo(new PasswordCheck.Accepted("bob"));

        clock.advance(Duration.ofSeconds(1));
        assertThat(users.check(SERVICE, CLIENT, "alice", "alice's password"))
                .isEqualTo(new PasswordCheck.Accepted("alice"));
        // the success ended the streak: the free attempts are back
        assertThat(users.check(SERVICE, CLIENT, "alice", "guess 4")).isEqualTo(PasswordCheck.REJECTED);
        assertThat(users.check(SERVICE, CLIENT, "alice", "guess 5")).isEqualTo(PasswordCheck.REJECTED);
    }

    @Test
    void whenFailuresGoOnThenTheWaitDoublesUpToTheMaximum() {
        UserDirectory users = directory(limits(0, 3, 600));

        for (long expected : new long[] {1, 2, 3, 3}) {
            assertThat(users.check(SERVICE, CLIENT, "alice", "guess")).isEqualTo(PasswordCheck.REJECTED);
            assertThat(users.check(SERVICE, CLIENT, "alice", "guess")).isEqualTo(
                    new PasswordCheck.Throttled(ResultCode.PASSWORD_USER_THROTTLED, Duration.ofSeconds(expected)));
            clock.advance(Duration.ofSeconds(expected));
        }
    }

    @Test
    void whenAnotherClientFailsForAUsernameThenItsOwnerCanStillSignInWithTheirClient() {
        UserDirectory users = directory(limits(0, 60, 600));

        assertThat(users.check(SERVICE, OTHER_CLIENT, "alice", "attacker's guess")).isEqualTo(PasswordCheck.REJECTED);
        assertThat(users.check(SERVICE, OTHER_CLIENT, "alice", "alice's password"))
                .isInstanceOf(PasswordCheck.Throttled.class);

        assertThat(users.check(SERVICE, CLIENT, "alice", "alice's password"))
                .isEqualTo(new PasswordCheck.Accepted("alice"));
    }

    @Test
    void whenUsernameDoesNotExistThenItIsThrottledLikeOneThatDoes() {
        UserDirectory users = directory(limits(0, 60, 600));

        assertThat(users.check(SERVICE, CLIENT, "nobody", "guess")).isEqualTo(PasswordCheck.REJECTED);
        assertThat(users.check(SERVICE, CLIENT, "alice", "guess")).isEqualTo(PasswordCheck.REJECTED);

        PasswordCheck unknown = users.check(SERVICE, CLIENT, "nobody", "guess");
        PasswordCheck known = users.check(SERVICE, CLIENT, "alice", "guess");
        assertThat(unknown).isInstanceOf(PasswordCheck.Throttled.class).isEqualTo(known);
    }

    @Test
    void whenClientSpendsItsFailuresPerMinuteThenEveryUsernameWaitsForItButNotForOtherClients() {
        UserDirectory users = directory(limits(5, 60, 3));

        for (String username : new String[] {"carol", "dave", "erin"}) {
            assertThat(users.check(SERVICE, CLIENT, username, "Summer2026!")).isEqualTo(PasswordCheck.REJECTED);
        }

        assertThat(users.check(SERVICE, CLIENT, "bob", "bob's password")).isEqualTo(
                new PasswordCheck.Throttled(ResultCode.PASSWORD_CLIENT_THROTTLED, Duration.ofSeconds(20)));
        assertThat(users.check(SERVICE, OTHER_CLIENT, "bob", "bob's password"))
                .isEqualTo(new PasswordCheck.Accepted("bob"));
        clock.advance(Duration.ofSeconds(20));
        assertThat(users.check(SERVICE, CLIENT, "bob", "bob's password")).isEqualTo(new PasswordCheck.Accepted("bob"));
    }

    @Test
    void whenSuccessesOutnumberTheClientsFailuresPerMinuteThenTheyDoNotSpendThem() {
        UserDirectory users = directory(limits(5, 60, 1));

        for (int i = 0; i < 3; i++) {
            assertThat(users.check(SERVICE, CLIENT, "bob", "bob's password")).isEqualTo(new PasswordCheck.Accepted("bob"));
        }
        assertThat(users.check(SERVICE, CLIENT, "bob", "wrong")).isEqualTo(PasswordCheck.REJECTED);
    }

    @Test
    void whenThrottleIsOffThenFailuresAreNotCounted() {
        UserDirectory users = directory(new PasswordLimits(1, Duration.ZERO, false, 0, Duration.ofSeconds(60), 1));

        for (int i = 0; i < 3; i++) {
            assertThat(users.check(SERVICE, CLIENT, "alice", "guess")).isEqualTo(PasswordCheck.REJECTED);
        }
        assertThat(users.check(SERVICE, CLIENT, "alice", "alice's password"))
                .isEqualTo(new PasswordCheck.Accepted("alice"));
    }

    @Test
    void whenCredentialsAreLongerThanAnyUserCanHaveThenTheyAreRejectedWithoutCountingOrHashing() {
        UserDirectory users = directory(limits(0, 60, 600));

        assertThat(users.check(SERVICE, CLIENT, "a".repeat(10_000), "guess")).isEqualTo(PasswordCheck.REJECTED);
        assertThat(users.check(SERVICE, CLIENT, "alice", "p".repeat(10_000))).isEqualTo(PasswordCheck.REJECTED);

        assertThat(users.check(SERVICE, CLIENT, "alice", "alice's password"))
                .isEqualTo(new PasswordCheck.Accepted("alice"));
    }

    private UserDirectory directory(PasswordLimits limits) {
        return new UserDirectory(stores.services(), stores.users(), hasher, clock, limits);
    }

    private static PasswordLimits limits(int userFailures, long maxBackoffSeconds, int clientFailuresPerMinute) {
        return new PasswordLimits(2, Duration.ofSeconds(5), true, userFailures, Duration.ofSeconds(maxBackoffSeconds),
                clientFailuresPerMinute);
    }
}
