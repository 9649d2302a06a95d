package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.facade.users.PasswordLimits;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password guessing at {@code /as/{serviceId}/token}: a flood of attempts is turned away fast instead of queueing
 * for Argon2id, and failed attempts are throttled per username and client with a code of their own.
 */
class PasswordAbuseTest {
    /** One verification at a time and no wait, throttling off: any overlap is refused as busy. */
    @RegisterExtension
    static final HttpFixture FLOODED = HttpFixture.sqlite(Clock.systemUTC(), builder -> builder.passwordLimits(
            new PasswordLimits(1, Duration.ZERO, false, 5, Duration.ofSeconds(60), 600)));

    /** A stopped clock, so that a backoff lasts until the test is done with it; one free failure. */
    @RegisterExtension
    static final HttpFixture THROTTLED = HttpFixture.sqlite(
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), builder -> builder.passwordLimits(
                    new PasswordLimits(0, Duration.ofSeconds(5), true, 1, Duration.ofSeconds(60), 600)));

    private static final int CONCURRENT = 16;
    private static final int ROUNDS = 5;

    @Test
    void whenManyWrongPasswordsArriveAtOnceThenTheOverflowGets503WithRetryAfterAndHealthStaysUp() {
        ServiceRef service = FLOODED.service("");
        ClientRef client = FLOODED.client(service, "");
        List<Reply> replies = new ArrayList<>();
        List<Reply> health = new ArrayList<>();

        // the attempts are released together; each holds the only slot for an Argon2id verification (tens of ms),
        // so some overlap in any round but an extremely slow machine's; stop at the first round that shows it
        for (int round = 0; round < ROUNDS && replies.stream().noneMatch(reply -> reply.status() == 503); round++) {
            List<CompletableFuture<Reply>> attempts = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                attempts.add(FLOODED.post("/as/" + service.id() + "/token").basic(client.id(), client.secret())
                        .form("grant_type=password&username=user" + i + "&password=guess").sendAsync());
            }
            health.add(FLOODED.get("/health").send());
            attempts.forEach(attempt -> replies.add(attempt.join()));
        }

        assertThat(health).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(replies).extracting(Reply::status).containsOnly(400, 503).contains(503);
        for (Reply reply : replies) {
            if (reply.status() == 503) {
                reply.assertOAuthError(503, "temporarily_unavailable", "A051191");
                assertThat(reply.header("Retry-After")).isEqualTo("1");
                assertThat(reply.text("error_description")).isEqualTo("[A051191] The server is verifying too many "
                        + "passwords at the moment; retry in 1 seconds.");
            } else {
                reply.assertOAuthError(400, "invalid_grant", "A067301");
            }
        }
    }

    @Test
    void whenUsernameIsThrottledThenItGets429WithItsCodeWhileAnotherUserSignsIn() {
        ServiceRef service = THROTTLED.service("");
        ClientRef client = THROTTLED.client(service, "");
        THROTTLED.user(service, "alice", "alice's password");
        THROTTLED.user(service, "bob", "bob's password");

        // the first failure is free, the second is verified but starts a one-second wait
        for (int i = 0; i < 2; i++) {
            THROTTLED.asToken(service, client, "grant_type=password&username=alice&password=guess" + i)
                    .assertOAuthError(400, "invalid_grant", "A067301");
        }
        Reply throttled = THROTTLED.asToken(service, client,
                "grant_type=password&username=alice&password=alice%27s+password");

        throttled.assertOAuthError(429, "invalid_grant", "A051393").assertNoChallenge();
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.text("error_uri")).isEqualTo("https://docs.authlete.com/#A051393");
        THROTTLED.asToken(service, client, "grant_type=password&username=bob&password=bob%27s+password")
                .assertNoStore(200);
    }

    @Test
    void whenAnotherClientIsThrottledForAUsernameThenTheOwnersClientStillSignsIn() {
        ServiceRef service = THROTTLED.service("");
        ClientRef attackers = THROTTLED.client(service, "");
        ClientRef owners = THROTTLED.client(service, "");
        THROTTLED.user(service, "carol", "carol's password");
        for (int i = 0; i < 2; i++) {
            THROTTLED.asToken(service, attackers, "grant_type=password&username=carol&password=guess" + i);
        }
        THROTTLED.asToken(service, attackers, "grant_type=password&username=carol&password=guess")
                .assertOAuthError(429, "invalid_grant", "A051393");

        THROTTLED.asToken(service, owners, "grant_type=password&username=carol&password=carol%27s+password")
                .assertNoStore(200);
    }
}
