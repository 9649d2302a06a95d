import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop load generator (what wrk2 does, which is not installed here): sends client_credentials token requests
 * on a fixed schedule over keep-alive connections and measures each latency from the moment the request was due, not
 * from when a free connection sent it, so a stalled server shows in the percentiles instead of slowing the load down
 * (coordinated omission). Each thread runs one selector over its share of the connections and of the rate.
 *
 * <p>Usage: {@code java bench/FixedRate.java URL RATE SECONDS [CONNECTIONS] [THREADS] [WARMUP_SECONDS] [RAMP_SECONDS]},
 * with CLIENT_ID and CLIENT_SECRET in the environment. The schedule: the rate climbs linearly from 0 to RATE over
 * RAMP_SECONDS (5), stays at RATE for WARMUP_SECONDS (10), then for the measured SECONDS. A generator JVM that starts
 * cold at full rate falls behind while it compiles; its backlog then takes seconds to drain and, with a short warm-up,
 * the measured window would report that drain as the server's latency (the ramp and the steady warm-up are there so
 * the window starts on a steady state; the timeline below shows whether it did).
 *
 * <p>Prints one line in the format of wrk's {@code RESULT} lines (bench/run.sh reads them): requests and non-2xx over
 * the whole run (ramp and warm-up included, for the durability count); rate and percentiles over the requests due in
 * the measured window; served_rps counts the answers that arrived within the window, last_request_late_ms how late
 * the last request left, and unanswered the window's requests still without an answer 5 s after the end (counted in
 * the percentiles with the time they had waited by then: a lower bound). When the server cannot keep up, the backlog
 * grows, served_rps falls below target_rps and the percentiles grow with the run's length. service_p99_ms is the p99
 * from when each request actually left (what a closed-loop client would report). The selector wakes at millisecond
 * granularity, so a request may leave up to about 1 ms after it was due; that delay counts in its latency.
 *
 * <p>TIMELINE=FILE writes one row per TIMELINE_MS (1000) of the run (ramp, warm-up, window and drain): requests due,
 * sent and answered in the bucket, the backlog at its end (due but not yet sent), non-2xx and errors, p50/p99/max of
 * the latencies answered in it (from the due time), and how late the bucket's latest send left; with METRICS_URL (and
 * METRICS_TOKEN, sent as a Bearer token) it also scrapes that Prometheus endpoint once per bucket and adds the
 * metrics whose names match METRICS_MATCH (the store writer's counters and the JVM's GC pauses by default), one column
 * per name summed over its labels (a _max: the largest): counters (_total, _count, _sum) as their increase over the
 * bucket, others as their value at its end. Each row carries its UTC time, to
 * read beside a GC log written with {@code -Xlog:gc:file=...:time}. Two probes tell the machine's stalls from the
 * server's: hiccup_ms, the longest a thread of the generator that asks to sleep 1 ms overslept in the bucket (the CPU
 * was not given to a runnable thread: every process on the machine stalled alike, as jHiccup measures), and, with
 * FSYNC_PROBE=DIR, fsync_ms, the slowest of the 4 KiB write + fsync a thread makes in DIR every 100 ms (a disk that
 * stalls every committer, SQLite's and PostgreSQL's alike). A CPU taken by others shows in two more: with
 * SERVER_PID, server_cpu_ms and server_wait_ms, the CPU time the server's threads got in the bucket and the time they
 * were runnable but waited for a CPU (/proc/PID/task/{@literal *}/schedstat), and nice_cpu_ms and idle_ms, the CPU time of
 * the machine's niced processes (other people's builds and tests) and its idle time (/proc/stat; both cores summed).
 */
public class FixedRate {
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "\r\ntransfer-encoding: chunked".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final String DEFAULT_METRICS_MATCH =
            "grantsmith_store_writer_(batches|writes|failures|timeouts)_total|grantsmith_store_writer_queue"
                    + "|jvm_gc_pause_seconds_(count|sum|max)";

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/FixedRate.java URL RATE SECONDS [CONNECTIONS] [THREADS]"
                    + " [WARMUP_SECONDS] [RAMP_SECONDS]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        double warmup = args.length > 5 ? Double.parseDouble(args[5]) : 10;
        double ramp = args.length > 6 ? Double.parseDouble(args[6]) : 5;
        byte[] request = request(uri, System.getenv().getOrDefault("CLIENT_ID", "bench-client"),
                System.getenv().getOrDefault("CLIENT_SECRET", "bench-secret"));
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        Schedule schedule = new Schedule(rate / threads, ramp, warmup, seconds);

        Loop[] loops = new Loop[threads];
        for (int i = 0; i < threads; i++) {
            int share = connections / threads + (i < connections % threads ? 1 : 0);
            loops[i] = new Loop(address, request, share, schedule);
        }
        String timeline = System.getenv("TIMELINE");
        long bucket = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(System.getenv().getOrDefault("TIMELINE_MS", "1000")));
        // the schedule starts once every connection is open
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long startEpochMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(start - System.nanoTime());
        Scraper scraper = null;
        if (timeline != null && System.getenv("METRICS_URL") != null) {
            scraper = new Scraper(URI.create(System.getenv("METRICS_URL")), System.getenv("METRICS_TOKEN"),
                    Pattern.compile(System.getenv().getOrDefault("METRICS_MATCH", DEFAULT_METRICS_MATCH)),
                    start, bucket);
            scraper.start();
        }
        Probes probes = null;
        if (timeline != null) {
            String fsyncDir = System.getenv("FSYNC_PROBE");
            String serverPid = System.getenv("SERVER_PID");
            probes = new Probes(start, bucket, fsyncDir == null ? null : Path.of(fsyncDir),
                    serverPid == null || serverPid.isBlank() ? null : Path.of("/proc", serverPid.trim(), "task"));
            probes.begin();
        }
        Thread[] running = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            loops[i].startAt(start);
            running[i] = new Thread(loops[i]::runUnchecked, "load-" + i);
            running[i].start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        if (scraper != null) {
            scraper.interrupt();
            scraper.join();
        }
        if (probes != null) {
            probes.end();
        }
        report(loops, schedule, rate);
        if (timeline != null) {
            writeTimeline(Path.of(timeline), loops, schedule, bucket, startEpochMillis, scraper, probes, rate,
                    connections);
        }
    }

    private static byte[] request(URI uri, String id, String secret) {
        String body = "grant_type=client_credentials";
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: Basic " + basic
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * When each request of one thread is due, in nanoseconds after the start: the rate climbs linearly from 0 to
     * {@code rate} over the ramp (the k-th request is due at sqrt(2 k ramp / rate)), then stays there through the
     * warm-up and the measured window.
     */
    static final class Schedule {
        final double rate; // requests per second, one thread
        final long ramp, warmup, window; // nanoseconds
        final long total; // requests one thread sends
        private final double rampRequests;

        Schedule(double rate, double rampSeconds, double warmupSeconds, double windowSeconds) {
            this.rate = rate;
            this.ramp = (long) (rampSeconds * 1e9);
            this.warmup = (long) (warmupSeconds * 1e9);
            this.window = (long) (windowSeconds * 1e9);
            this.rampRequests = rate * rampSeconds / 2;
            this.total = (long) Math.floor(rampRequests + rate * (warmupSeconds + windowSeconds));
        }

        long dueAt(long index) {
            double seconds = index < rampRequests
                    ? Math.sqrt(2 * index * (ramp / 1e9) / rate)
                    : ramp / 1e9 + (index - rampRequests) / rate;
            return (long) (seconds * 1e9);
        }

        long measureFrom() {
            return ramp + warmup;
        }

        long end() {
            return ramp + warmup + window;
        }

        String phase(long at) {
            return at < ramp ? "ramp" : at < measureFrom() ? "warm-up" : at < end() ? "window" : "drain";
        }
    }

    private static void report(Loop[] loops, Schedule schedule, double rate) {
        long requests = 0, non2xx = 0, errors = 0, reconnects = 0, inWindow = 0, unanswered = 0;
        double lastLateMs = 0;
        List<Long> latencyList = new ArrayList<>(), serviceList = new ArrayList<>();
        for (Loop loop : loops) {
            lastLateMs = Math.max(lastLateMs, loop.lastSendLate / 1e6);
            requests += loop.completed;
            non2xx += loop.non2xx;
            errors += loop.errors;
            reconnects += loop.reconnects;
            for (int i = 0; i < loop.recorded; i++) {
                if (loop.done[i] >= schedule.measureFrom() && loop.done[i] < schedule.end()) {
                    inWindow++;
                }
                if (loop.inWindow(loop.due[i])) {
                    latencyList.add(loop.done[i] - loop.due[i]);
                    serviceList.add(loop.done[i] - loop.sent[i]);
                }
            }
            for (long waited : loop.unansweredWaits()) { // a lower bound of what they would have waited
                unanswered++;
                latencyList.add(waited);
                serviceList.add(waited);
            }
        }
        long[] latencies = latencyList.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] service = serviceList.stream().mapToLong(Long::longValue).sorted().toArray();
        double windowSeconds = schedule.window / 1e9;
        System.out.printf(Locale.ROOT, "RESULT requests=%d duration_s=%.2f ramp_s=%.1f warmup_s=%.1f rps=%.1f"
                        + " target_rps=%.0f served_rps=%.1f last_request_late_ms=%.1f unanswered=%d"
                        + " non2xx_or_3xx=%d errors=%d reconnects=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f"
                        + " service_p99_ms=%.2f%n",
                requests, windowSeconds, schedule.ramp / 1e9, schedule.warmup / 1e9,
                latencies.length / windowSeconds, rate, inWindow / windowSeconds, lastLateMs, unanswered,
                non2xx, errors, reconnects,
                ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), ms(latencies, 0.999),
                ms(latencies, 1.0), ms(service, 0.99));
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void writeTimeline(Path file, Loop[] loops, Schedule schedule, long bucket, long startEpochMillis,
            Scraper scraper, Probes probes, double rate, int connections) throws IOException {
        long last = schedule.end();
        for (Loop loop : loops) {
            for (int i = 0; i < loop.recorded; i++) {
                last = Math.max(last, loop.done[i]);
            }
        }
        int buckets = (int) (last / bucket) + 1;
        long[] due = new long[buckets], sent = new long[buckets], answered = new long[buckets], bad = new long[buckets];
        long[] late = new long[buckets];
        List<List<Long>> latencies = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            latencies.add(new ArrayList<>());
        }
        for (Loop loop : loops) {
            for (long k = 0; k < loop.schedule.total; k++) {
                long at = loop.schedule.dueAt(k);
                if (at / bucket < buckets) {
                    due[(int) (at / bucket)]++;
                }
            }
            for (int i = 0; i < loop.recorded; i++) {
                int s = (int) Math.min(buckets - 1, loop.sent[i] / bucket);
                sent[s]++;
                late[s] = Math.max(late[s], loop.sent[i] - loop.due[i]);
                int d = (int) Math.min(buckets - 1, loop.done[i] / bucket);
                answered[d]++;
                if (loop.status[i] < 200 || loop.status[i] >= 300) {
                    bad[d]++;
                }
                latencies.get(d).add(loop.done[i] - loop.due[i]);
            }
        }
        List<String> metricNames = scraper == null ? List.of() : scraper.names();
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.printf(Locale.ROOT, "# FixedRate timeline: %.0f req/s over %d connections, ramp %.1f s, warm-up %.1f s,"
                            + " window %.1f s; bucket %d ms; latencies from the due time, by the bucket of the answer;"
                            + " backlog = due but not yet sent at the bucket's end%n",
                    rate, connections, schedule.ramp / 1e9, schedule.warmup / 1e9, schedule.window / 1e9,
                    TimeUnit.NANOSECONDS.toMillis(bucket));
            StringBuilder header = new StringBuilder(
                    "t_s utc phase due sent answered backlog non2xx_or_errors p50_ms p99_ms max_ms send_late_ms"
                            + " hiccup_ms" + (probes.fsyncs ? " fsync_ms" : "")
                            + (probes.server != null ? " server_cpu_ms server_wait_ms" : "") + " nice_cpu_ms idle_ms");
            metricNames.forEach(name -> header.append(' ').append(name));
            out.println(header);
            long dueSoFar = 0, sentSoFar = 0;
            for (int b = 0; b < buckets; b++) {
                dueSoFar += due[b];
                sentSoFar += sent[b];
                long[] sorted = latencies.get(b).stream().mapToLong(Long::longValue).sorted().toArray();
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                        "%.1f %s %s %d %d %d %d %d %.2f %.2f %.2f %.2f", b * bucket / 1e9,
                        utc.format(Instant.ofEpochMilli(startEpochMillis + TimeUnit.NANOSECONDS.toMillis(b * bucket))),
                        schedule.phase(b * bucket), due[b], sent[b], answered[b], dueSoFar - sentSoFar, bad[b],
                        ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 1.0), late[b] / 1e6));
                row.append(String.format(Locale.ROOT, " %.2f", probes.hiccup(b) / 1e6));
                if (probes.fsyncs) {
                    row.append(String.format(Locale.ROOT, " %.2f", probes.fsync(b) / 1e6));
                }
                row.append(probes.cpu(b));
                for (String name : metricNames) {
                    row.append(' ').append(scraper.value(name, b));
                }
                out.println(row);
            }
        }
    }

    /**
     * The machine's own stalls, per bucket: the longest oversleep of a thread sleeping 1 ms at a time (CPU not given
     * to a runnable thread), and optionally the slowest 4 KiB write + fsync made every 100 ms in a directory.
     */
    private static final class Probes {
        private final long start, bucket;
        private final Path dir;
        final boolean fsyncs;
        final Path server; // /proc/PID/task of the server, or null
        private final Map<Integer, long[]> cpu = new java.util.concurrent.ConcurrentHashMap<>(); // bucket -> counters at its end
        private final Map<Integer, Long> hiccups = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Integer, Long> fsyncTimes = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean running = true;
        private final List<Thread> threads = new ArrayList<>();

        Probes(long start, long bucket, Path dir, Path server) {
            this.start = start;
            this.bucket = bucket;
            this.dir = dir;
            this.fsyncs = dir != null;
            this.server = server;
        }

        void begin() {
            threads.add(new Thread(this::hiccups, "hiccup-probe"));
            threads.add(new Thread(this::cpuTimes, "cpu-probe"));
            if (fsyncs) {
                threads.add(new Thread(this::fsyncs, "fsync-probe"));
            }
            threads.forEach(thread -> {
                thread.setDaemon(true);
                thread.start();
            });
        }

        void end() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private void note(Map<Integer, Long> into, long at, long value) {
            if (at >= start) {
                into.merge((int) ((at - start) / bucket), value, Math::max);
            }
        }

        private void hiccups() {
            long interval = TimeUnit.MILLISECONDS.toNanos(1);
            while (running) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                long after = System.nanoTime();
                note(hiccups, after, Math.max(0, after - before - interval));
            }
        }

        private void fsyncs() {
            Path file = dir.resolve("fsync-probe-" + ProcessHandle.current().pid());
            ByteBuffer block = ByteBuffer.allocate(4096);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.DELETE_ON_CLOSE)) {
                for (long k = 0; running; k++) {
                    long before = System.nanoTime();
                    block.clear();
                    channel.write(block, (k % 256) * 4096);
                    channel.force(false);
                    long after = System.nanoTime();
                    note(fsyncTimes, after, after - before);
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                System.err.println("fsync probe stopped: " + e);
            }
        }

        /** At every bucket's end: the server's CPU and run-queue wait (ns), the machine's nice and idle (ticks). */
        private void cpuTimes() {
            for (int b = -1; running; b++) {
                long wait = start + (b + 1) * bucket - System.nanoTime();
                try {
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                long[] now = new long[4];
                if (server != null) {
                    try (var tasks = Files.list(server)) {
                        for (Path task : (Iterable<Path>) tasks::iterator) {
                            try {
                                String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
                                now[0] += Long.parseLong(fields[0]);
                                now[1] += Long.parseLong(fields[1]);
                            } catch (IOException | RuntimeException e) {
                                // a thread that ended between the listing and the read
                            }
                        }
                    } catch (IOException e) {
                        now[0] = now[1] = -1;
                    }
                }
                try {
                    String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                    now[2] = Long.parseLong(total[2]); // nice
                    now[3] = Long.parseLong(total[4]); // idle
                } catch (IOException | RuntimeException e) {
                    now[2] = now[3] = -1;
                }
                cpu.put(b, now);
            }
        }

        /** " server_cpu_ms server_wait_ms nice_cpu_ms idle_ms" over bucket b ("-" where a sample is missing). */
        String cpu(int b) {
            long[] before = cpu.get(b - 1), after = cpu.get(b);
            StringBuilder out = new StringBuilder();
            for (int i = server != null ? 0 : 2; i < 4; i++) {
                if (before == null || after == null || before[i] < 0 || after[i] < 0) {
                    out.append(" -");
                } else {
                    long delta = after[i] - before[i]; // < 0 when threads ended (their times go with them)
                    out.append(' ').append(delta < 0 ? "-"
                            : String.valueOf(i < 2 ? delta / 1_000_000 : delta * 1000 / TICKS_PER_SECOND));
                }
            }
            return out.toString();
        }

        private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

        long hiccup(int b) {
            return hiccups.getOrDefault(b, 0L);
        }

        long fsync(int b) {
            return fsyncTimes.getOrDefault(b, 0L);
        }
    }

    /** Scrapes a Prometheus endpoint once per timeline bucket and keeps the matching samples. */
    private static final class Scraper extends Thread {
        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
        private final URI uri;
        private final String token;
        private final Pattern match;
        private final long start, bucket;
        private final Map<Integer, Map<String, Double>> samples = new LinkedHashMap<>(); // bucket -> name -> value

        Scraper(URI uri, String token, Pattern match, long start, long bucket) {
            super("metrics-scraper");
            setDaemon(true);
            this.uri = uri;
            this.token = token;
            this.match = match;
            this.start = start;
            this.bucket = bucket;
        }

        @Override
        public void run() {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpRequest get = request.build();
            // one scrape at the end of each bucket; the first (at the start) is the base of the first increase
            for (int b = -1; !isInterrupted(); b++) {
                long at = start + (b + 1) * bucket;
                long wait = at - System.nanoTime();
                try {
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String body = client.send(get, HttpResponse.BodyHandlers.ofString()).body();
                    Map<String, Double> values = new LinkedHashMap<>();
                    for (String line : body.split("\n")) {
                        Matcher sample = SAMPLE.matcher(line);
                        if (sample.find() && match.matcher(sample.group(1)).matches()) {
                            // one column per metric name: the sum over its labels (the largest for a _max)
                            String name = sample.group(1);
                            values.merge(name, Double.parseDouble(sample.group(3)),
                                    name.endsWith("_max") ? Double::max : Double::sum);
                        }
                    }
                    synchronized (samples) {
                        samples.put(b, values);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // a missed scrape leaves its bucket empty ("-")
                }
            }
        }

        List<String> names() {
            synchronized (samples) {
                TreeSet<String> names = new TreeSet<>();
                samples.values().forEach(values -> names.addAll(values.keySet()));
                return new ArrayList<>(names);
            }
        }

        /** A counter's increase over bucket b, or a gauge's value at its end; "-" when a scrape is missing. */
        String value(String name, int b) {
            synchronized (samples) {
                Map<String, Double> now = samples.get(b);
                if (now == null || !now.containsKey(name)) {
                    return "-";
                }
                boolean counter = name.matches(".*_(total|count|sum)");
                if (!counter) {
                    return format(now.get(name));
                }
                Map<String, Double> before = samples.get(b - 1);
                return before == null || !before.containsKey(name) ? "-" : format(now.get(name) - before.get(name));
            }
        }

        private static String format(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.4f", value);
        }
    }

    /** One thread: its connections, its part of the schedule, and when each of its requests was due, sent, answered. */
    private static final class Loop {
        private final InetSocketAddress address;
        private final byte[] request;
        private final Connection[] connections;
        final Schedule schedule;
        private final Selector selector;
        private long start; // System.nanoTime() of the schedule's origin
        // per answered request, in nanoseconds after the origin
        final long[] due, sent, done;
        final short[] status;
        int recorded;
        long completed, non2xx, errors, reconnects;
        long lastSendLate; // how long after it was due the last request left
        private long stoppedAt; // when the run gave up on the requests still in flight, after the origin
        private long next; // index of the next request to send
        private int cursor; // the connection to try first for the next request

        Loop(InetSocketAddress address, byte[] request, int connections, Schedule schedule) throws IOException {
            this.address = address;
            this.request = request;
            this.connections = new Connection[connections];
            this.schedule = schedule;
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, schedule.total + 16);
            this.due = new long[capacity];
            this.sent = new long[capacity];
            this.done = new long[capacity];
            this.status = new short[capacity];
            this.selector = Selector.open();
            for (int i = 0; i < connections; i++) {
                this.connections[i] = open(selector);
            }
        }

        void startAt(long origin) {
            start = origin;
        }

        boolean inWindow(long dueAt) {
            return dueAt >= schedule.measureFrom() && dueAt < schedule.end();
        }

        /** How long each of the window's requests never sent or never answered had waited when the run stopped. */
        long[] unansweredWaits() {
            List<Long> waits = new ArrayList<>();
            for (Connection connection : connections) {
                if (connection.busy && inWindow(connection.due - start)) {
                    waits.add(stoppedAt - (connection.due - start));
                }
            }
            for (long k = next; k < schedule.total; k++) {
                long at = schedule.dueAt(k);
                if (inWindow(at)) {
                    waits.add(Math.max(0, stoppedAt - at));
                }
            }
            return waits.stream().mapToLong(Long::longValue).toArray();
        }

        void runUnchecked() {
            try {
                run();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }

        private void run() throws IOException {
            try (selector) {
                long drainUntil = start + schedule.end() + DRAIN_NANOS;
                while (true) {
                    long now = System.nanoTime();
                    sendDue(now, selector);
                    boolean busy = anyBusy();
                    if ((next >= schedule.total && !busy) || now - drainUntil > 0) {
                        stoppedAt = now - start;
                        break;
                    }
                    long wait = next < schedule.total ? dueAt(next) - now : TimeUnit.MILLISECONDS.toNanos(10);
                    long waitMs = Math.max(1, (wait + 999_999) / 1_000_000);
                    if (selector.select(waitMs) > 0) {
                        for (SelectionKey key : selector.selectedKeys()) {
                            read((Connection) key.attachment(), selector);
                        }
                        selector.selectedKeys().clear();
                    }
                }
                for (Connection connection : connections) {
                    connection.channel.close();
                }
            }
        }

        private long dueAt(long index) {
            return start + schedule.dueAt(index);
        }

        private boolean anyBusy() {
            for (Connection connection : connections) {
                if (connection.busy) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Sends every request now due for which a connection is free; the rest wait, their clocks running. The
         * connections take turns (as wrk's do), so none sits idle long enough for the server to close it.
         */
        private void sendDue(long now, Selector selector) throws IOException {
            for (int i = 0; i < connections.length; i++) {
                if (next >= schedule.total || dueAt(next) - now > 0) {
                    return;
                }
                Connection connection = connections[cursor];
                cursor = (cursor + 1) % connections.length;
                if (!connection.busy) {
                    send(connection, dueAt(next++), selector);
                }
            }
        }

        private void send(Connection connection, long due, Selector selector) throws IOException {
            connection.busy = true;
            connection.due = due;
            connection.sent = System.nanoTime();
            lastSendLate = connection.sent - due;
            connection.in.clear();
            ByteBuffer out = ByteBuffer.wrap(request);
            try {
                while (out.hasRemaining()) {
                    connection.channel.write(out);
                }
            } catch (IOException e) {
                failed(connection, selector);
            }
        }

        private void read(Connection connection, Selector selector) throws IOException {
            int read;
            try {
                read = connection.channel.read(connection.in);
            } catch (IOException e) {
                read = -1;
            }
            if (read < 0) {
                failed(connection, selector);
                return;
            }
            if (!connection.in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(connection.in.capacity() * 2);
                connection.in.flip();
                bigger.put(connection.in);
                connection.in = bigger;
            }
            int code = complete(connection.in);
            if (code == 0) {
                return;
            }
            long now = System.nanoTime();
            connection.busy = false;
            completed++;
            if (code < 200 || code >= 300) {
                non2xx++;
            }
            record(connection, now, code);
            sendDue(now, selector);
        }

        private void record(Connection connection, long now, int code) {
            if (recorded < due.length) {
                due[recorded] = connection.due - start;
                sent[recorded] = connection.sent - start;
                done[recorded] = now - start;
                status[recorded++] = (short) code;
            }
        }

        /** The response's status once the buffer holds all of it, else 0; reads the bytes without copying them. */
        private static int complete(ByteBuffer in) {
            byte[] data = in.array();
            int length = in.position();
            int headerEnd = indexOf(data, length, HEADER_END, 0, false);
            if (headerEnd < 0) {
                return 0;
            }
            int status = (data[9] - '0') * 100 + (data[10] - '0') * 10 + (data[11] - '0');
            int bodyStart = headerEnd + 4;
            int lengthAt = indexOf(data, headerEnd + 2, CONTENT_LENGTH, 0, true);
            if (lengthAt >= 0) {
                int bodyLength = 0;
                for (int i = lengthAt + CONTENT_LENGTH.length; i < headerEnd && data[i] != '\r'; i++) {
                    if (data[i] >= '0' && data[i] <= '9') {
                        bodyLength = bodyLength * 10 + (data[i] - '0');
                    }
                }
                return length >= bodyStart + bodyLength ? status : 0;
            }
            if (indexOf(data, headerEnd + 2, CHUNKED, 0, true) >= 0) {
                return indexOf(data, length, LAST_CHUNK, bodyStart - 2, false) >= 0 ? status : 0;
            }
            return status; // no body (204, 304)
        }

        private static int indexOf(byte[] data, int length, byte[] needle, int from, boolean ignoreCase) {
            outer:
            for (int i = Math.max(0, from); i <= length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    byte b = data[i + j];
                    if (ignoreCase && b >= 'A' && b <= 'Z') {
                        b += 'a' - 'A';
                    }
                    if (b != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /**
         * The server closed the connection or it broke: the request in flight, if any, is an error (an idle
         * connection the server closed is only counted as a reconnect); reconnect.
         */
        private void failed(Connection connection, Selector selector) throws IOException {
            if (connection.busy) {
                errors++;
                record(connection, System.nanoTime(), -1);
            } else {
                reconnects++;
            }
            connection.busy = false;
            connection.channel.close();
            Connection fresh = open(selector);
            for (int i = 0; i < connections.length; i++) {
                if (connections[i] == connection) {
                    connections[i] = fresh;
                }
            }
        }

        private Connection open(Selector selector) throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            channel.register(selector, SelectionKey.OP_READ, connection);
            return connection;
        }
    }

    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(4096);
        boolean busy;
        long due;
        long sent;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }
}
