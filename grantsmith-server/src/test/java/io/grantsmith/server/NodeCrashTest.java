package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.TokenLoad.Acknowledged;
import io.grantsmith.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a node while token requests stream at it, three times over: every token whose 200 answer
 * reached its client is valid afterwards, and whole (the access token, its refresh token and their grant of a
 * password grant were written in one transaction, so the refresh token refreshes). On SQLite the node is started
 * again on its data directory and asked; on PostgreSQL the surviving node is asked, and the killed one started
 * again for the next round.
 */
class NodeCrashTest {
    private static final int ROUNDS = 3;
    private static final int LOAD_THREADS = 6;
    /** Answers received in a round before the kill: enough that many requests are in flight at the kill. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS) // four JVM starts of at most 90 s on a loaded machine
    void whenTheSqliteNodeIsKilledUnderLoadThenEveryAcknowledgedTokenIsValidAfterARestart() throws Exception {
        try (ServerNodes nodes = ServerNodes.onSqlite(root)) {
            NodeGrants grants = NodeGrants.create(nodes.http(0), false);
            List<Acknowledged> all = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<Acknowledged> acknowledged = loadThenKill(nodes, grants, 0);
                nodes.restart(0);
                all.addAll(acknowledged);
                assertAllValid(grants, nodes.http(0), all, acknowledged);
            }
        }
    }

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS) // five JVM starts of at most 90 s on a loaded machine
    void whenAPostgresNodeIsKilledUnderLoadThenTheSurvivorFindsEveryAcknowledgedToken() throws Exception {
        TestPostgres.Schema schema = TestPostgres.schema(NodeCrashTest.class);
        try (ServerNodes nodes = ServerNodes.onPostgres(root, schema.url(), 2)) {
            NodeGrants grants = NodeGrants.create(nodes.http(0), false);
            List<Acknowledged> all = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                int killed = round % 2;
                int survivor = 1 - killed;
                List<Acknowledged> acknowledged = loadThenKill(nodes, grants, killed);
                all.addAll(acknowledged);
                assertAllValid(grants, nodes.http(survivor), all, acknowledged);
                nodes.restart(killed);
            }
        }
    }

    /**
     * Streams token requests over every node, kills node {@code victim} once enough answers came back, and returns
     * what was acknowledged (by any node) up to the moment the load stopped.
     */
    private static List<Acknowledged> loadThenKill(ServerNodes nodes, NodeGrants grants, int victim)
            throws InterruptedException {
        TokenLoad load = TokenLoad.start(grants, LOAD_THREADS, nodes::spread);
        try {
            assertThat(load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, WAIT))
                    .as("answers before the kill; the nodes printed:\n%s", nodes.logs()).isTrue();
            nodes.kill(victim);
            // the survivor (if any) goes on answering for a moment: what it acknowledges now must last too
            Thread.sleep(200);
        } finally {
            load.stop();
        }
        List<Acknowledged> acknowledged = load.stop();
        // for the test's output file: how much was in the air at the kill
        System.out.printf("killed node %d: %d answers acknowledged, %d requests failed%n", victim,
                acknowledged.size(), load.failures());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        return acknowledged;
    }

    /**
     * Every acknowledged access and refresh token is active; a few refresh tokens of this round also refresh, which
     * needs their grant row: a half-written password grant would fail there. A refreshed token is rotated away, so
     * its successor takes its place in {@code all} for the next rounds.
     */
    private static void assertAllValid(NodeGrants grants, HttpTarget http, List<Acknowledged> all,
            List<Acknowledged> thisRound) {
        for (Acknowledged tokens : all) {
            assertThat(grants.isActive(http, tokens.accessToken())).as("access token %s", tokens).isTrue();
            if (tokens.refreshToken() != null) {
                assertThat(grants.isActive(http, tokens.refreshToken())).as("refresh token %s", tokens).isTrue();
            }
        }
        List<Acknowledged> refreshed = thisRound.stream().filter(tokens -> tokens.refreshToken() != null).limit(5)
                .toList();
        for (Acknowledged tokens : refreshed) {
            Reply reply = grants.refresh(http, tokens.refreshToken()).assertNoStore(200);
            all.remove(tokens);
            all.add(new Acknowledged(reply.text("access_token"), reply.text("refresh_token")));
        }
    }
}
