package io.grantsmith.server.cli;

import io.grantsmith.facade.Grantsmith;
import io.grantsmith.server.http.EdgeLimits;
import io.grantsmith.server.http.HttpServer;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code grantsmith serve}: runs the HTTP server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server: the Authlete-compatible API under /api, a standard token endpoint "
                + "under /as/{serviceId}/token, and /health.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    GrantsmithCommand root;

    @Mixin
    DataOptions data;

    @Mixin
    Tuning tuning;

    @Mixin
    EdgeOptions edge;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}). "
                    + "Serve plain HTTP behind a TLS-terminating proxy only.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bench-noop-route", hidden = true,
            description = "Serve POST /bench/noop, a no-op baseline for benchmarks.")
    boolean noopRoute;

    @Override
    public Integer call() throws Exception {
        EdgeLimits limits = edge.limits();
        Grantsmith grantsmith = Bootstrap.open(root, data, tuning);
        HttpServer server;
        try {
            server = new HttpServer(grantsmith, host, port, limits, root.config().setting("metrics-token"), noopRoute);
            if (port != 0) {
                grantsmith.listening(listenerUrl(host, port)); // before the first request can arrive
            }
            server.start();
            if (port == 0) {
                grantsmith.listening(listenerUrl(host, server.port())); // no client knew the port before
            }
        } catch (Exception e) {
            grantsmith.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, grantsmith), "grantsmith-shutdown"));
        root.announceAdminToken(grantsmith, data);
        LOG.info("Grantsmith listening on http://{}:{}, public URL {} (data: {})", host, server.port(),
                grantsmith.publicUrl(), data.dataDir.toAbsolutePath().normalize());
        if (!grantsmith.publicUrl().isConfigured() && isWildcard(host)) {
            LOG.warn("--public-url is not set, so issuers and endpoint URLs use {}; set it to the URL clients use",
                    grantsmith.publicUrl());
        }
        server.join();
        return 0;
    }

    /**
     * The URL of a listener bound to {@code host} and {@code port}, the default public URL: a wildcard address
     * names no host a client could use, so it becomes {@code localhost}; an IPv6 address is put in brackets.
     */
    static String listenerUrl(String host, int port) {
        String name = isWildcard(host) ? "localhost"
                : host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + name + ":" + port;
    }

    private static boolean isWildcard(String host) {
        return host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** Stops taking requests, lets those in flight finish, then flushes and closes the store. */
    private static void stop(HttpServer server, Grantsmith grantsmith) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed", e);
        } finally {
            grantsmith.close();
        }
    }
}
