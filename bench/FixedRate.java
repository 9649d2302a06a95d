import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * An open-loop load generator (what wrk2 does, which is not installed here): sends client_credentials token requests
 * at a fixed rate over keep-alive connections and measures each latency from the moment the request was due, not from
 * when a free connection sent it, so a stalled server shows in the percentiles instead of slowing the load down
 * (coordinated omission). Each thread runs one selector over its share of the connections and of the rate.
 *
 * <p>Usage: {@code java bench/FixedRate.java URL RATE SECONDS [CONNECTIONS] [THREADS] [WARMUP_SECONDS]}, with
 * CLIENT_ID and CLIENT_SECRET in the environment. Prints one line in the format of wrk's {@code RESULT} lines
 * (bench/run.sh reads them): requests and non-2xx over the whole run (warm-up included, for the durability count),
 * rate and percentiles over the requests due after the warm-up; served_rps counts the answers that arrived within the
 * measured window, and last_request_late_ms how late the last request left: when the server cannot keep up, the
 * backlog grows, served_rps falls below target_rps and the percentiles grow with the run's length. The selector wakes at millisecond granularity, so a
 * request may leave up to about 1 ms after it was due; that delay counts in its latency.
 */
public class FixedRate {
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        double warmup = args.length > 5 ? Double.parseDouble(args[5]) : 2;
        byte[] request = request(uri, System.getenv().getOrDefault("CLIENT_ID", "bench-client"),
                System.getenv().getOrDefault("CLIENT_SECRET", "bench-secret"));
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());

        Loop[] loops = new Loop[threads];
        for (int i = 0; i < threads; i++) {
            int share = connections / threads + (i < connections % threads ? 1 : 0);
            loops[i] = new Loop(address, request, share, rate / threads, seconds, warmup);
        }
        // the schedule starts once every connection is open: a backlog from start-up would never drain at a rate
        // below the maximum, and would show as latency of the server
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        Thread[] running = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            loops[i].startAt(start);
            running[i] = new Thread(loops[i]::runUnchecked, "load-" + i);
            running[i].start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        report(loops, rate, seconds - warmup);
    }

    private static byte[] request(URI uri, String id, String secret) {
        String body = "grant_type=client_credentials";
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: Basic " + basic
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static void report(Loop[] loops, double rate, double measuredSeconds) {
        long requests = 0, non2xx = 0, errors = 0, measured = 0, inWindow = 0;
        double lastLateMs = 0;
        for (Loop loop : loops) {
            inWindow += loop.completedInWindow;
            lastLateMs = Math.max(lastLateMs, loop.lastSendLate / 1e6);
            requests += loop.completed;
            non2xx += loop.non2xx;
            errors += loop.errors;
            measured += loop.latencyCount;
        }
        long[] latencies = new long[Math.toIntExact(measured)];
        long[] service = new long[latencies.length];
        int at = 0;
        for (Loop loop : loops) {
            System.arraycopy(loop.latencies, 0, latencies, at, loop.latencyCount);
            System.arraycopy(loop.serviceTimes, 0, service, at, loop.latencyCount);
            at += loop.latencyCount;
        }
        Arrays.sort(latencies);
        Arrays.sort(service);
        System.out.printf("RESULT requests=%d duration_s=%.2f rps=%.1f target_rps=%.0f served_rps=%.1f"
                        + " last_request_late_ms=%.1f non2xx_or_3xx=%d errors=%d"
                        + " p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f service_p99_ms=%.2f%n",
                requests, measuredSeconds, measured / measuredSeconds, rate, inWindow / measuredSeconds, lastLateMs,
                non2xx, errors,
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

    /** One thread: its connections, its part of the schedule, its latencies. */
    private static final class Loop {
        private final InetSocketAddress address;
        private final byte[] request;
        private final Connection[] connections;
        private final double nanosPerRequest;
        private final long seconds;
        private final long warmup;
        private final Selector selector;
        private long start;
        private long end;
        private long measureFrom;
        private final long total;
        long[] latencies;
        long[] serviceTimes;
        int latencyCount;
        long completed, completedInWindow, non2xx, errors;
        long lastSendLate; // how long after it was due the last request left
        private long next; // index of the next request to send; request k is due at start + k * nanosPerRequest

        Loop(InetSocketAddress address, byte[] request, int connections, double rate, double seconds,
                double warmup) throws IOException {
            this.address = address;
            this.request = request;
            this.connections = new Connection[connections];
            this.nanosPerRequest = 1e9 / rate;
            this.seconds = (long) (seconds * 1e9);
            this.warmup = (long) (warmup * 1e9);
            this.total = (long) (rate * seconds);
            this.latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, total + 16)];
            this.serviceTimes = new long[latencies.length];
            this.selector = Selector.open();
            for (int i = 0; i < connections; i++) {
                this.connections[i] = open(selector);
            }
        }

        void startAt(long origin) {
            start = origin;
            end = origin + seconds;
            measureFrom = origin + warmup;
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
                long drainUntil = end + TimeUnit.SECONDS.toNanos(5);
                while (true) {
                    long now = System.nanoTime();
                    sendDue(now, selector);
                    boolean busy = anyBusy();
                    if ((next >= total && !busy) || now - drainUntil > 0) {
                        break;
                    }
                    long wait = next < total ? dueAt(next) - now : TimeUnit.MILLISECONDS.toNanos(10);
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
            return start + (long) (index * nanosPerRequest);
        }

        private boolean anyBusy() {
            for (Connection connection : connections) {
                if (connection.busy) {
                    return true;
                }
            }
            return false;
        }

        /** Sends every request now due for which a connection is free; the rest wait, their clocks running. */
        private void sendDue(long now, Selector selector) throws IOException {
            for (Connection connection : connections) {
                if (next >= total || dueAt(next) - now > 0) {
                    return;
                }
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
            int status = complete(connection.in);
            if (status == 0) {
                return;
            }
            long now = System.nanoTime();
            connection.busy = false;
            completed++;
            if (now - measureFrom >= 0 && now - end < 0) {
                completedInWindow++;
            }
            if (status < 200 || status >= 300) {
                non2xx++;
            }
            if (connection.due - measureFrom >= 0 && connection.due - end < 0 && latencyCount < latencies.length) {
                latencies[latencyCount] = now - connection.due;
                serviceTimes[latencyCount++] = now - connection.sent;
            }
            sendDue(now, selector);
        }

        /** The response's status once the buffer holds all of it, else 0. */
        private static int complete(ByteBuffer in) {
            byte[] data = in.array();
            int length = in.position();
            int headerEnd = indexOf(data, length, HEADER_END, 0);
            if (headerEnd < 0) {
                return 0;
            }
            String head = new String(data, 0, headerEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            int bodyStart = headerEnd + 4;
            String lower = head.toLowerCase();
            int lengthAt = lower.indexOf("\r\ncontent-length:");
            if (lengthAt >= 0) {
                int valueEnd = lower.indexOf("\r\n", lengthAt + 2);
                int bodyLength = Integer.parseInt(
                        lower.substring(lengthAt + 17, valueEnd < 0 ? lower.length() : valueEnd).trim());
                return length >= bodyStart + bodyLength ? status : 0;
            }
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                byte[] last = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                return indexOf(data, length, last, bodyStart - 2) >= 0 ? status : 0;
            }
            return status; // no body (204, 304)
        }

        private static int indexOf(byte[] data, int length, byte[] needle, int from) {
            outer:
            for (int i = Math.max(0, from); i <= length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** The server closed the connection or it broke: the request in flight is an error; reconnect. */
        private void failed(Connection connection, Selector selector) throws IOException {
            errors++;
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
