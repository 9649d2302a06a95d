package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under load and comes back, between one node and the shared server: a {@link CuttableProxy}
 * closes the node's connections and refuses new ones, as a stopped database does. While it is away every request
 * fails at once with a clear OAuth or Authlete-style error (not after the pool's timeout: no worker threads pile
 * up), {@code /health} answers 503 promptly, the node says so in one log line instead of one per request, and once
 * the database is back the same process serves again.
 */
class PostgresOutageTest {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/?]+):(\\d+)/");
    /** The node's write timeout: the longest a request may wait for a connection when nothing fails it sooner. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    /** How long the database stays away once the node reports it. */
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    /** A failure "at once": far below the write timeout, with room for two loaded cores. */
    private static final long FAST_MILLIS = 1_500;

    @TempDir
    Path root;

    /** One answer under load, and when it was asked for. */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS) // one JVM start of at most 90 s, and an outage of seconds
    void whenPostgresGoesAwayUnderLoadThenRequestsFailAtOnceHealthIsDownAndTheNodeRecoversWithoutRestart()
            throws Exception {
        TestPostgres.Schema schema = TestPostgres.schema(PostgresOutageTest.class);
        Matcher database = HOST_PORT.matcher(schema.url());
        assertThat(database.find()).as(schema.url()).isTrue();
        try (CuttableProxy proxy = CuttableProxy.to(database.group(1), Integer.parseInt(database.group(2)));
                ServerNodes nodes = ServerNodes.onPostgres(root,
                        database.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"), 1,
                        "--write-timeout", Long.toString(WRITE_TIMEOUT.toSeconds()))) {
            ServerProcess node = nodes.node(0);
            HttpTarget http = nodes.http(0);
            NodeGrants grants = StoreOutageLoad.warmedGrants(http);

            ConcurrentLinkedQueue<StoreOutageLoad.Sample> samples = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
            List<Thread> load = StoreOutageLoad.start("outage-load-", grants, http, samples, broken);
            long outageStart;
            long healthDown;
            long restored;
            try {
                Thread.sleep(500);
                outageStart = System.nanoTime();
                proxy.cut();
                assertThat(ServerNodes.awaitHealth(node.baseUrl(), 503, WRITE_TIMEOUT.plusSeconds(5)))
                        .as("/health reports the database gone").isTrue();
                healthDown = System.nanoTime();
                long healthMillis = StoreOutageLoad.timeHealth(node.baseUrl(), 503);
                Thread.sleep(OUTAGE.toMillis());
                assertThat(StoreOutageLoad.timeHealth(node.baseUrl(), 503)).as("/health during the outage, ms")
                        .isLessThan(FAST_MILLIS);
                assertThat(healthMillis).as("/health right after the outage began, ms").isLessThan(FAST_MILLIS);
                restored = System.nanoTime();
                proxy.restore();
                assertThat(ServerNodes.awaitHealth(node.baseUrl(), 200, Duration.ofSeconds(20)))
                        .as("/health once the database is back; the node printed:\n%s", node.log()).isTrue();
                Thread.sleep(300); // answers from the recovered node
            } finally {
                StoreOutageLoad.stop(load);
            }
            assertThat(broken).as("/api and /as requests that got no HTTP answer (cut at %d ms, health down at %d ms,"
                    + " restored at %d ms); the node printed:%n%s", outageStart / 1_000_000, healthDown / 1_000_000, restored / 1_000_000,
                    node.log()).isEmpty();

            // the steady outage: from /health's 503 (the transition over) to the restore
            List<StoreOutageLoad.Sample> during = samples.stream()
                    .filter(sample -> sample.sentAt() > healthDown && sample.sentAt() < restored).toList();
            assertThat(during).as("requests during the outage").hasSizeGreaterThan(StoreOutageLoad.LOAD_THREADS);
            assertThat(during).allSatisfy(StoreOutageLoad::assertClearStoreError);
            assertThat(during).allSatisfy(sample -> assertThat(sample.tookMillis())
                    .as("answered at once, ms (sent %d ms after /health's 503); the node printed:%n%s",
                            (sample.sentAt() - healthDown) / 1_000_000, node.log())
                    .isLessThan(FAST_MILLIS));
            // the transition too is bounded: no request waits longer than the write timeout (and a little)
            assertThat(samples).filteredOn(sample -> sample.sentAt() > outageStart && sample.sentAt() < restored)
                    .allSatisfy(sample -> assertThat(sample.tookMillis())
                            .isLessThan(WRITE_TIMEOUT.toMillis() + FAST_MILLIS));

            // one clear line each way, not one per failed request
            String log = node.log();
            assertThat(StoreOutageLoad.occurrences(log, " is unreachable (")).as(log).isEqualTo(1);
            assertThat(log).as("an API caller's secret that cannot be read is an expected failure, no stack trace")
                    .doesNotContain("unexpected failure handling POST /auth/token");
            assertThat(StoreOutageLoad.occurrences(log, " is reachable again after ")).as(log).isEqualTo(1);
            assertThat(log.lines().filter(line -> line.startsWith("20")).count())
                    .as("log lines for %d failed requests", during.size()).isLessThan(60);

            // the same process serves again
            assertThat(node.isAlive()).isTrue();
            String accessToken = grants.clientCredentials(http).assertNoStore(200).text("access_token");
            assertThat(grants.isActive(http, accessToken)).isTrue();
            grants.issue(http, grants.passwordTicket(http)).assertAction("OK", "A054001");
        }
    }
}
