package io.grantsmith.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several {@code grantsmith serve} processes on one store, as an operator runs them behind a load balancer: each
 * on a free loopback port with a data directory of its own, all with the same admin token and master key (so that
 * each can open what another sealed). {@link #start} returns once every node answers {@code /health} with 200. A
 * node can be killed ({@code kill -9}) and started again in its slot; {@link #close} kills whatever still runs, and
 * a shutdown hook does so too when the test JVM exits without closing.
 */
public final class ServerNodes implements AutoCloseable {
    public static final String ADMIN_TOKEN = "multi-node-admin-token-0123456789abcdefghijkl";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    /** As long as {@link ServerProcess} waits for a start: a loaded CI machine is slow to start JVMs. */
    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(90);
    private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ServerProcess::close),
                "kill-server-nodes"));
    }

    private final Path root;
    private final Map<String, String> environment;
    private final List<String> serveOptions;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final List<HttpTarget> targets = new ArrayList<>();

    private ServerNodes(Path root, Map<String, String> environment, List<String> serveOptions) {
        this.root = root;
        this.environment = environment;
        this.serveOptions = serveOptions;
    }

    /** {@code count} nodes on the PostgreSQL database at {@code dbUrl}, data directories under {@code root}. */
    public static ServerNodes onPostgres(Path root, String dbUrl, int count, String... serveOptions) {
        return start(root, Map.of("GRANTSMITH_STORE", "postgres", "GRANTSMITH_DB_URL", dbUrl), count, serveOptions);
    }

    /** One node on SQLite in {@code root/node-0}: the same node is started again on the same data directory. */
    public static ServerNodes onSqlite(Path root, String... serveOptions) {
        return start(root, Map.of(), 1, serveOptions);
    }

    private static ServerNodes start(Path root, Map<String, String> store, int count, String... serveOptions) {
        Map<String, String> environment = new HashMap<>(store);
        environment.put("GRANTSMITH_ADMIN_TOKEN", ADMIN_TOKEN);
        environment.put("GRANTSMITH_MASTER_KEY", MASTER_KEY);
        ServerNodes nodes = new ServerNodes(root, Map.copyOf(environment), List.of(serveOptions));
        // started together, as the JVMs' start dominates; the first to reach the database migrates it
        List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = i;
            // a thread each: the common pool has one thread on a two-core machine
            starting.add(CompletableFuture.supplyAsync(() -> nodes.startHealthy(slot),
                    task -> new Thread(task, "start-node-" + slot).start()));
            nodes.nodes.add(null);
            nodes.targets.add(null);
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
        for (int i = 0; i < count; i++) {
            if (!starting.get(i).isCompletedExceptionally()) {
                nodes.put(i, starting.get(i).join());
            }
        }
        for (CompletableFuture<ServerProcess> node : starting) {
            if (node.isCompletedExceptionally()) {
                nodes.close();
                node.join(); // throws why it failed
            }
        }
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public ServerProcess node(int slot) {
        return nodes.get(slot);
    }

    public HttpTarget http(int slot) {
        return targets.get(slot);
    }

    /** The node for the {@code i}-th of many requests: round robin, as a load balancer spreads them. */
    public HttpTarget spread(int i) {
        return targets.get(Math.floorMod(i, targets.size()));
    }

    /** {@code kill -9} of one node. */
    public void kill(int slot) {
        nodes.get(slot).kill();
    }

    /** Starts the node of {@code slot} again (on its data directory) once it has been killed; waits until healthy. */
    public void restart(int slot) {
        nodes.get(slot).close();
        RUNNING.remove(nodes.get(slot));
        put(slot, startHealthy(slot));
    }

    private void put(int slot, ServerProcess node) {
        nodes.set(slot, node);
        targets.set(slot, node.http());
    }

    private ServerProcess startHealthy(int slot) {
        ServerProcess node;
        try {
            node = ServerProcess.start(root.resolve("node-" + slot), environment, serveOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RUNNING.add(node);
        try {
            awaitHealthy(node);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Polls {@code /health} until it answers 200, for at most {@link #HEALTHY_TIMEOUT}. */
    public static void awaitHealthy(ServerProcess node) {
        if (!awaitHealth(node.baseUrl(), 200, HEALTHY_TIMEOUT)) {
            throw new IllegalStateException("the node did not become healthy; it printed:\n" + node.log());
        }
    }

    /** Whether {@code /health} at {@code baseUrl} answers {@code status} within {@code timeout}. */
    public static boolean awaitHealth(String baseUrl, int status, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == status) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet, or too slow to answer: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() - deadline < 0);
        return false;
    }

    /** What every node printed, for failure messages. */
    public String logs() {
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) != null) {
                logs.append("---- node ").append(i).append('\n').append(nodes.get(i).log());
            }
        }
        return logs.toString();
    }

    @Override
    public void close() {
        for (ServerProcess node : nodes) {
            if (node != null) {
                node.close();
                RUNNING.remove(node);
            }
        }
    }
}
