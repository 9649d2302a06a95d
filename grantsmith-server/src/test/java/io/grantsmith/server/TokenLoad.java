package io.grantsmith.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Token requests sent without pause from a few threads until stopped, each thread to the node its index picks:
 * client credentials at {@code /as} (an access token) and password grants through the API (an access token, a
 * refresh token and their grant, written together). Only what a 200 answer handed out is recorded, so a test can
 * check that every acknowledged token survived whatever happened to the nodes meanwhile; failed requests (a node
 * killed under them) are counted and retried.
 */
final class TokenLoad implements AutoCloseable {
    /** What one successful answer handed out; {@code refreshToken} is null for client credentials. */
    record Acknowledged(String accessToken, String refreshToken) {
    }

    private final NodeGrants grants;
    private final IntFunction<HttpTarget> target;
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    private TokenLoad(NodeGrants grants, IntFunction<HttpTarget> target) {
        this.grants = grants;
        this.target = target;
    }

    /** Starts {@code threadCount} threads; thread {@code i} sends to {@code target.apply(i)}, asked per request. */
    static TokenLoad start(NodeGrants grants, int threadCount, IntFunction<HttpTarget> target) {
        TokenLoad load = new TokenLoad(grants, target);
        for (int i = 0; i < threadCount; i++) {
            int index = i;
            Thread thread = new Thread(() -> load.run(index), "token-load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(int index) {
        for (long n = 0; !stopped; n++) {
            try {
                HttpTarget http = target.apply(index);
                if (n % 2 == 0) {
                    Reply reply = grants.clientCredentials(http);
                    if (reply.status() == 200) {
                        acknowledged.add(new Acknowledged(reply.text("access_token"), null));
                        continue;
                    }
                } else {
                    Reply reply = grants.issue(http, grants.passwordTicket(http));
                    if ("OK".equals(reply.text("action"))) {
                        JsonNode tokens = reply.json();
                        acknowledged.add(new Acknowledged(tokens.get("accessToken").asText(),
                                tokens.get("refreshToken").asText()));
                        continue;
                    }
                }
                failed.incrementAndGet();
            } catch (RuntimeException | AssertionError e) {
                // the node is gone (connection refused or reset) or answered otherwise: count it, go on
                failed.incrementAndGet();
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until at least {@code count} answers have been acknowledged in all; whether they were in time. */
    boolean awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Stops the threads and waits for their last requests (each bounded by the HTTP client's timeout). */
    List<Acknowledged> stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
        return List.copyOf(acknowledged);
    }

    int failures() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
