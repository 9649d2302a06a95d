package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A silent network partition between one node and PostgreSQL under load: a {@link CuttableProxy} black hole stops
 * forwarding but closes nothing, and completes no new connection, so no reset ever tells the node (unlike a stopped
 * database, {@link PostgresOutageTest}). The node finds out when the first connection gives up (at the latest the
 * driver's socket timeout, twice the write timeout and a second, after the partition began) and logs it once; from
 * then on every request that needs the database is refused at once (the gate refuses every caller, although the pool
 * still holds connections that look open), {@code /health} answers 503 promptly, and when the partition heals the
 * same process serves again. Once with each PostgreSQL writer: the pooled one, and the group writer with four threads
 * (whose writes must be refused before they queue behind batches hung on dead sockets).
 */
class PostgresPartitionTest {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/?]+):(\\d+)/");
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);
    /** The driver's socket timeout the store sets: twice the write timeout and a second. */
    private static final Duration SOCKET_TIMEOUT = WRITE_TIMEOUT.multipliedBy(2).plusSeconds(1);
    /** Room for two loaded cores on top of the socket timeout, for the detection and the bound across the partition. */
    private static final long MARGIN_MILLIS = 2_500;
    /**
     * The window whose answers are counted and timed: it begins at the latest the detection may come (the socket
     * timeout and the margin after the partition began).
     */
    private static final Duration WINDOW = Duration.ofSeconds(2);
    /** At least this many answers in the window: six load threads refused at once send hundreds. */
    private static final int MIN_ANSWERS = 30;
    /** No answer in the window takes longer (a write timeout is 2 s, a socket timeout 5 s). */
    private static final long SLOWEST_MILLIS = 1_500;
    /** The median answer in the window: refused at once, not after a wait of any length. */
    private static final long MEDIAN_MILLIS = 250;
    /** Concurrent requests before the load, beyond the pool's 16 connections. */
    private static final int BURST_THREADS = 24;
    private static final String DOWN_LINE = " is unreachable (";
    private static final String UP_LINE = " is reachable again after ";

    @TempDir
    Path root;

    @ParameterizedTest(name = "--db-writer {0}")
    @ValueSource(strings = {"pooled", "group --db-group-writers 4"})
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // one JVM start of at most 90 s, and a partition of seconds
    void whenThePartitionDropsPacketsSilentlyThenOnceDetectedRequestsFailAtOnceAndTheNodeRecovers(String writer)
            throws Exception {
        TestPostgres.Schema schema = TestPostgres.schema(PostgresPartitionTest.class);
        Matcher database = HOST_PORT.matcher(schema.url());
        assertThat(database.find()).as(schema.url()).isTrue();
        List<String> options = new ArrayList<>(List.of("--write-timeout", Long.toString(WRITE_TIMEOUT.toSeconds()),
                "--db-writer"));
        options.addAll(List.of(writer.split(" ")));
        try (CuttableProxy proxy = CuttableProxy.to(database.group(1), Integer.parseInt(database.group(2)));
                ServerNodes nodes = ServerNodes.onPostgres(root,
                        database.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"), 1,
                        options.toArray(String[]::new))) {
            ServerProcess node = nodes.node(0);
            HttpTarget http = nodes.http(0);
            NodeGrants grants = StoreOutageLoad.warmedGrants(http);
            burst(grants, http); // the pool holds connections that the steady load below leaves idle

            ConcurrentLinkedQueue<StoreOutageLoad.Sample> samples = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
            List<Thread> load = StoreOutageLoad.start("partition-load-", grants, http, samples, broken);
            long partitioned;
            long detected;
            long steady;
            long healthMillis;
            long healed;
            long recovered;
            try {
                Thread.sleep(1_000);
                assertThat(samples).as("healthy answers before the partition")
                        .hasSizeGreaterThan(StoreOutageLoad.LOAD_THREADS);
                partitioned = System.nanoTime();
                proxy.blackhole();
                detected = awaitLine(node, DOWN_LINE, SOCKET_TIMEOUT.toMillis() + MARGIN_MILLIS);
                assertThat(detected).as("the node reports the database unreachable within the socket timeout "
                        + "(%d ms) and %d ms; the node printed:%n%s", SOCKET_TIMEOUT.toMillis(), MARGIN_MILLIS,
                        node.log()).isPositive();
                steady = partitioned + SOCKET_TIMEOUT.plusMillis(MARGIN_MILLIS).toNanos();
                sleepUntil(steady + WINDOW.toNanos() / 2);
                healthMillis = StoreOutageLoad.timeHealth(node.baseUrl(), 503);
                sleepUntil(steady + WINDOW.toNanos());
                healed = System.nanoTime();
                proxy.restore();
                assertThat(ServerNodes.awaitHealth(node.baseUrl(), 200, Duration.ofSeconds(20)))
                        .as("/health once the partition healed; the node printed:\n%s", node.log()).isTrue();
                recovered = System.nanoTime();
                Thread.sleep(300); // answers from the recovered node
            } finally {
                StoreOutageLoad.stop(load);
            }
            String log = node.log();
            String timeline = "detected " + TimeUnit.NANOSECONDS.toMillis(detected - partitioned)
                    + " ms after the partition began\n" + timeline(samples, partitioned);
            assertThat(broken).as("requests that got no HTTP answer; %s; the node printed:%n%s", timeline, log)
                    .isEmpty();
            long windowEnd = steady + WINDOW.toNanos();
            List<StoreOutageLoad.Sample> window = samples.stream()
                    .filter(sample -> sample.sentAt() >= steady && sample.sentAt() < windowEnd).toList();
            System.out.printf("partition with --db-writer %s: detected after %d ms; window: %d answers, median %d ms, "
                    + "slowest %d ms; /health 503 in %d ms; healthy %d ms after the healing%n", writer,
                    TimeUnit.NANOSECONDS.toMillis(detected - partitioned), window.size(), median(window),
                    window.stream().mapToLong(StoreOutageLoad.Sample::tookMillis).max().orElse(-1), healthMillis,
                    TimeUnit.NANOSECONDS.toMillis(recovered - healed));

            // Before the detection, a request may wait for a connection (the write timeout) and on it for an answer
            // (the socket timeout): bounded, and answered with a clear error.
            long bound = WRITE_TIMEOUT.plus(SOCKET_TIMEOUT).toMillis() + MARGIN_MILLIS;
            List<StoreOutageLoad.Sample> across = samples.stream()
                    .filter(sample -> sample.sentAt() > partitioned && sample.sentAt() < healed).toList();
            assertThat(across).as("every request across the partition is answered within %d ms; %s", bound,
                    timeline).allSatisfy(sample -> assertThat(sample.tookMillis()).isLessThan(bound));
            // (one sent just before the healing may still succeed: its held statement goes through then)
            assertThat(across).filteredOn(sample -> sample.sentAt() + sample.tookMillis() * 1_000_000 < healed)
                    .as("answers before the partition healed; the node printed:%n%s", log)
                    .allSatisfy(StoreOutageLoad::assertClearStoreError);

            // Once detected, every request is refused at once, although the pool still holds connections that look
            // open (no reset came) and, with the group writer, batches still wait on dead sockets: from the detection
            // to the healing, and in particular in the window that begins at the latest the detection may come (on
            // main before the fix, requests waited a write timeout for a connection there, seconds 7-10 of the
            // partition, long after the socket timeout).
            assertThat(samples).filteredOn(sample -> sample.sentAt() >= detected && sample.sentAt() < healed)
                    .as("after the detection each answer comes within %d ms; %s", SLOWEST_MILLIS, timeline)
                    .allSatisfy(sample -> assertThat(sample.tookMillis()).isLessThan(SLOWEST_MILLIS));
            assertThat(window).as("answers in the %d ms window from %d ms after the partition began; %s",
                    WINDOW.toMillis(), SOCKET_TIMEOUT.toMillis() + MARGIN_MILLIS, timeline)
                    .hasSizeGreaterThanOrEqualTo(MIN_ANSWERS);
            assertThat(median(window)).as("median answer in the window, ms; %s", timeline).isLessThan(MEDIAN_MILLIS);
            assertThat(window).allSatisfy(StoreOutageLoad::assertClearStoreError);
            assertThat(healthMillis).as("/health's 503 in the window, ms").isLessThan(SLOWEST_MILLIS);

            assertThat(StoreOutageLoad.occurrences(log, DOWN_LINE)).as(log).isEqualTo(1);
            assertThat(StoreOutageLoad.occurrences(log, UP_LINE)).as(log).isEqualTo(1);
            assertThat(log.lines().filter(line -> line.startsWith("20")).count())
                    .as("log lines for %d requests across the partition", across.size()).isLessThan(60);

            assertThat(node.isAlive()).isTrue();
            String accessToken = grants.clientCredentials(http).assertNoStore(200).text("access_token");
            assertThat(grants.isActive(http, accessToken)).isTrue();
            grants.issue(http, grants.passwordTicket(http)).assertAction("OK", "A054001");
        }
    }

    /**
     * A short burst of concurrent token requests, so that the pool grows beyond what the six load threads keep busy,
     * as a node's pool does after any peak: across the partition those idle connections look open, and a gate that
     * let callers through while the pool holds any (as before the fix) has each wait for one.
     */
    private static void burst(NodeGrants grants, HttpTarget http) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < BURST_THREADS; i++) {
            Thread thread = new Thread(() -> {
                for (int request = 0; request < 5; request++) {
                    grants.clientCredentials(http).assertNoStore(200);
                }
            }, "partition-burst-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    /** When ({@code System.nanoTime()}) {@code line} first appeared in the node's output, or 0 if not within the time. */
    private static long awaitLine(ServerProcess node, String line, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() - deadline < 0) {
            if (node.log().contains(line)) {
                return System.nanoTime();
            }
            Thread.sleep(10);
        }
        return 0;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static long median(List<StoreOutageLoad.Sample> samples) {
        long[] took = samples.stream().mapToLong(StoreOutageLoad.Sample::tookMillis).sorted().toArray();
        return took.length == 0 ? Long.MAX_VALUE : took[took.length / 2];
    }

    /** Per second since the partition: requests sent, the median and the slowest, for failure messages. */
    private static String timeline(ConcurrentLinkedQueue<StoreOutageLoad.Sample> samples, long partitioned) {
        StringBuilder text = new StringBuilder("second: sent, median ms, slowest ms\n");
        samples.stream().filter(sample -> sample.sentAt() > partitioned)
                .collect(Collectors.groupingBy(
                        sample -> TimeUnit.NANOSECONDS.toSeconds(sample.sentAt() - partitioned),
                        java.util.TreeMap::new, Collectors.toList()))
                .forEach((second, inSecond) -> text.append(second).append(": ").append(inSecond.size()).append(", ")
                        .append(median(inSecond)).append(", ")
                        .append(inSecond.stream().mapToLong(StoreOutageLoad.Sample::tookMillis).max().orElse(0))
                        .append('\n'));
        return text.toString();
    }
}
