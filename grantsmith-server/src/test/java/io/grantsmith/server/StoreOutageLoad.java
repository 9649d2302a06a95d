package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Load and checks shared by the tests that take PostgreSQL away from a running node (stopped: PostgresOutageTest;
 * silently partitioned: PostgresPartitionTest): the same requests, the same clear errors expected of them.
 */
final class StoreOutageLoad {
    static final int LOAD_THREADS = 6;

    /** One answered request: when it was sent ({@code System.nanoTime()}), how long it took, which API, the reply. */
    record Sample(long sentAt, long tookMillis, boolean api, Reply reply) {
    }

    private StoreOutageLoad() {
    }

    /**
     * The built-in server's OAuth error for a token that cannot be stored (or its server error when the service
     * itself could not be read); at the API, the Authlete-style action for a ticket that cannot be stored, or the
     * API's own server error when the caller's secret could not be read.
     */
    static void assertClearStoreError(Sample sample) {
        if (sample.api() && sample.reply().status() == 500) {
            sample.reply().assertApiFailure(500, "A001101");
        } else if (sample.api()) {
            sample.reply().assertAction("INTERNAL_SERVER_ERROR", "A051101");
        } else if (sample.reply().status() == 500 && String.valueOf(sample.reply().text("error_description"))
                .startsWith("[A001101] ")) {
            // the outage reached the service's lookup, before any token was made: the server's own error
            sample.reply().assertOAuthError(500, "server_error", "A001101");
        } else {
            sample.reply().assertOAuthError(500, "server_error", "A052101");
        }
    }

    /**
     * A service and client on the node, with one token and one password ticket issued: the client is cached then, as
     * it is under steady load, so that what the outage changes is the database, not a first lookup.
     */
    static NodeGrants warmedGrants(HttpTarget http) {
        NodeGrants grants = NodeGrants.create(http, false);
        grants.clientCredentials(http).assertNoStore(200);
        grants.passwordTicket(http);
        return grants;
    }

    /** Client credentials at {@code /as} and password tickets through the API, from a few threads, until stopped. */
    static List<Thread> start(String threadName, NodeGrants grants, HttpTarget http, ConcurrentLinkedQueue<Sample> samples,
            ConcurrentLinkedQueue<Throwable> broken) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < LOAD_THREADS; i++) {
            boolean api = i % 2 == 1;
            Thread thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long sentAt = System.nanoTime();
                    try {
                        Reply reply = api
                                ? http.post("/api/" + grants.serviceId() + "/auth/token").bearer(grants.apiSecret())
                                        .json(HttpFixture.tokenRequest("grant_type=password&username=u&password=p",
                                                grants.client(), "")).send()
                                : grants.clientCredentials(http);
                        samples.add(new Sample(sentAt, (System.nanoTime() - sentAt) / 1_000_000, api, reply));
                    } catch (RuntimeException e) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        broken.add(new AssertionError((api ? "API" : "/as") + " call sent at " + sentAt / 1_000_000
                                + " ms got no answer after " + (System.nanoTime() - sentAt) / 1_000_000 + " ms", e));
                        return;
                    }
                }
            }, threadName + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    static void stop(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** Milliseconds {@code /health} took to answer, asserting its status and its body. */
    static long timeHealth(String baseUrl, int expectedStatus) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).as("/health after %d ms", took).isEqualTo(expectedStatus);
        assertThat(response.body()).isEqualTo(expectedStatus == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        return took;
    }
}
