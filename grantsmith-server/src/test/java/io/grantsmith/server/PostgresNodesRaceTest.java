package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.testkit.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three server processes on one PostgreSQL database, and one credential sent by 50 threads at once, spread round
 * robin over the nodes as a load balancer would: whatever node each request reaches, a once-only change happens
 * once. The in-process {@code PostgresTwoNodes*Test}s race two stores; this races whole servers, with their caches,
 * pools and HTTP edges, over the network.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // three JVM starts of at most 90 s on a loaded machine, and requests
class PostgresNodesRaceTest {
    private static final int THREADS = 50;
    private static final int GENERATIONS = 3;

    @TempDir
    static Path root;

    private static ServerNodes nodes;
    private static ExecutorService threads;

    @BeforeAll
    static void startThreeNodes() {
        TestPostgres.Schema schema = TestPostgres.schema(PostgresNodesRaceTest.class);
        nodes = ServerNodes.onPostgres(root, schema.url(), 3);
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopNodes() {
        if (threads != null) {
            threads.shutdownNow();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void whenOneRefreshTokenIsSentFromFiftyThreadsToThreeNodesThenOneRotationAndTheReuseRevokesTheFamily() {
        NodeGrants grants = NodeGrants.create(nodes.http(0), false);
        JsonNode tokens = grants.passwordTokens(nodes.http(1));
        String refreshToken = tokens.get("refreshToken").asText();

        List<Reply> replies = hammer(http -> grants.refresh(http, refreshToken));

        List<Reply> successes = succeeded(replies);
        assertThat(successes).as("rotations of one refresh token; the answers: %s", distinct(replies)).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() != 200).allSatisfy(reply -> {
            reply.assertOAuthError(400, "invalid_grant");
            // reused (the family is revoked) or presented after that revocation
            assertThat(reply.text("error_description").substring(0, 9)).isIn("[A053391]", "[A053392]");
        });
        assertThat(replies).extracting(reply -> reply.text("error_description")).as("reuse was detected")
                .anySatisfy(description -> assertThat(description).startsWith("[A053391]"));
        // a reuse revokes the family, the successor included: no live family is left on any node
        Reply winner = successes.get(0);
        for (int node = 0; node < nodes.size(); node++) {
            HttpTarget http = nodes.http(node);
            assertThat(grants.isActive(http, winner.text("refresh_token"))).as("successor on node %d", node)
                    .isFalse();
            assertThat(grants.isActive(http, winner.text("access_token"))).isFalse();
            assertThat(grants.isActive(http, refreshToken)).isFalse();
            assertThat(grants.isActive(http, tokens.get("accessToken").asText())).isFalse();
        }
    }

    @Test
    void whenTheServiceIsIdempotentThenEachGenerationRotatesOnceAndEveryRepeatGetsTheSameSuccessor() {
        NodeGrants grants = NodeGrants.create(nodes.http(0), true);
        List<String> generations = new ArrayList<>();
        generations.add(grants.passwordTokens(nodes.http(1)).get("refreshToken").asText());
        List<String> accessTokens = new ArrayList<>();

        for (int generation = 0; generation < GENERATIONS; generation++) {
            String current = generations.get(generation);
            List<Reply> replies = hammer(http -> grants.refresh(http, current));

            assertThat(replies).as("every repeat within the grace window succeeds")
                    .allSatisfy(reply -> reply.assertNoStore(200));
            Set<String> successors = replies.stream().map(reply -> reply.text("refresh_token"))
                    .collect(Collectors.toSet());
            assertThat(successors).as("successors of generation %d", generation).hasSize(1)
                    .doesNotContain(current);
            generations.add(successors.iterator().next());
            accessTokens = replies.stream().map(reply -> reply.text("access_token")).distinct().toList();
            assertThat(accessTokens).as("one access token per answer").hasSize(THREADS);
        }

        String last = generations.get(GENERATIONS);
        for (int node = 0; node < nodes.size(); node++) {
            HttpTarget http = nodes.http(node);
            assertThat(grants.isActive(http, last)).as("the last generation on node %d", node).isTrue();
            for (String earlier : generations.subList(0, GENERATIONS)) {
                assertThat(grants.isActive(http, earlier)).as("a rotated-away generation").isFalse();
            }
        }
        // a repeat hands out one more access token of the same generation; all of them work
        for (String accessToken : accessTokens) {
            assertThat(grants.isActive(nodes.spread(accessToken.hashCode()), accessToken)).isTrue();
        }
        grants.refresh(nodes.http(2), last).assertNoStore(200);
    }

    @Test
    void whenOneAuthorizationCodeIsRedeemedFromFiftyThreadsThenOneSuccessWhoseTokensTheReuseRevokes() {
        NodeGrants grants = NodeGrants.create(nodes.http(0), false);
        String code = grants.authorizationCode(nodes.http(1));

        List<Reply> replies = hammer(http -> grants.redeem(http, code));

        List<Reply> successes = succeeded(replies);
        assertThat(successes).as("redemptions of one code; the answers: %s", distinct(replies)).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() != 200)
                .allSatisfy(reply -> reply.assertOAuthError(400, "invalid_grant"))
                .extracting(reply -> reply.text("error_description"))
                .anySatisfy(description -> assertThat(description).startsWith("[A050391]"));
        // RFC 6749 §4.1.2: a code used twice revokes the tokens issued with it
        Reply winner = successes.get(0);
        for (int node = 0; node < nodes.size(); node++) {
            assertThat(grants.isActive(nodes.http(node), winner.text("access_token"))).as("node %d", node).isFalse();
            assertThat(grants.isActive(nodes.http(node), winner.text("refresh_token"))).isFalse();
        }
    }

    @Test
    void whenOnePasswordTicketIsIssuedFromFiftyThreadsThenExactlyOneIssue() {
        NodeGrants grants = NodeGrants.create(nodes.http(0), false);
        String ticket = grants.passwordTicket(nodes.http(1));

        List<Reply> replies = hammer(http -> grants.issue(http, ticket));

        assertThat(replies).allSatisfy(reply -> reply.assertJson(200));
        List<Reply> issued = replies.stream().filter(reply -> "OK".equals(reply.text("action"))).toList();
        assertThat(issued).as("tokens issued for one ticket; the answers: %s", distinct(replies)).hasSize(1);
        // /auth/token/issue has two actions only (as Authlete's): the others are told the ticket is used
        assertThat(replies).filteredOn(reply -> !"OK".equals(reply.text("action")))
                .allSatisfy(reply -> reply.assertAction("INTERNAL_SERVER_ERROR", "A061301"));
        assertThat(grants.isActive(nodes.http(2), issued.get(0).text("accessToken"))).isTrue();
    }

    /** {@link #THREADS} calls at once, the i-th to node {@code i mod 3}; their replies. */
    private static List<Reply> hammer(Function<HttpTarget, Reply> call) {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> pending = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            HttpTarget http = nodes.spread(i);
            pending.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(http);
            }));
        }
        try {
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pending) {
                replies.add(reply.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } catch (Exception e) {
            throw new AssertionError("the calls did not all answer; the nodes printed:\n" + nodes.logs(), e);
        }
    }

    /** Each different answer once (status and result code or error description), for failure messages. */
    private static Set<String> distinct(List<Reply> replies) {
        return replies.stream().map(reply -> reply.status() + " " + (reply.json().has("resultCode")
                ? reply.text("resultCode") : reply.text("error_description"))).collect(Collectors.toSet());
    }

    private static List<Reply> succeeded(List<Reply> replies) {
        return replies.stream().filter(reply -> reply.status() == 200).toList();
    }
}
