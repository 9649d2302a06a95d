package io.grantsmith.server.cli;

import io.grantsmith.facade.Grantsmith;
import io.grantsmith.jose.JoseProvider;
import io.grantsmith.server.http.EdgeLimits;
import io.grantsmith.server.http.HttpServer;
import io.grantsmith.server.http.TlsIdentity;
import io.grantsmith.server.logging.LogFormat;
import io.grantsmith.server.logging.LogOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
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
                + "under /as/{serviceId}/token, the built-in OpenID Provider under /as/{serviceId} (login page at "
                + "/as/{serviceId}/authorize), and /health.")
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
                    + "Off loopback, serve HTTPS (--tls-cert, --tls-key) or plain HTTP behind a TLS-terminating proxy.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve HTTPS with this PEM certificate chain (server certificate first); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key (PKCS#8, PKCS#1 or SEC 1, unencrypted) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-self-signed",
            description = "Serve HTTPS with a self-signed certificate generated at start (for local use: browser "
                    + "tools, conformance suites). Its SHA-256 fingerprint is logged.")
    boolean tlsSelfSigned;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Log lines on stderr as 'text' or 'json' (one JSON object per line, with the request's "
                    + "requestId) (default: ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(names = "--bench-noop-route", hidden = true,
            description = "Serve POST /bench/noop, a no-op baseline for benchmarks.")
    boolean noopRoute;

    @Override
    public Integer call() throws Exception {
        LogOutput.use(LogFormat.parse(logFormat)); // first: every line the server writes is in the chosen format
        selectJoseProviderMeanwhile();
        EdgeLimits limits = edge.limits();
        TlsIdentity tls = tls();
        Grantsmith grantsmith = Bootstrap.open(root, data, tuning);
        HttpServer server;
        try {
            server = new HttpServer(grantsmith, host, port, limits, root.config().setting("metrics-token"), noopRoute,
                    tls);
            if (port != 0) {
                grantsmith.listening(listenerUrl(scheme(tls), host, port)); // before the first request can arrive
            }
            server.start();
            if (port == 0) {
                grantsmith.listening(listenerUrl(scheme(tls), host, server.port())); // no client knew the port before
            }
        } catch (Exception e) {
            grantsmith.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, grantsmith), "grantsmith-shutdown"));
        root.announceAdminToken(grantsmith, data);
        LOG.info("Grantsmith listening on {}://{}:{}, public URL {} (data: {})", scheme(tls), host, server.port(),
                grantsmith.publicUrl(), data.dataDir.toAbsolutePath().normalize());
        if (!grantsmith.publicUrl().isConfigured() && isWildcard(host)) {
            LOG.warn("--public-url is not set, so issuers and endpoint URLs use {}; set it to the URL clients use",
                    grantsmith.publicUrl());
        }
        server.join();
        return 0;
    }

    /**
     * Starts loading and self-testing the native JOSE provider (on a thread of its own) before the store opens, so
     * that it is most likely done when the first token is signed; nothing waits for it until then (0.3-1 s of a cold
     * start, which needs neither for the other).
     */
    private void selectJoseProviderMeanwhile() {
        JoseProvider.Mode mode;
        try {
            mode = tuning.joseProvider();
        } catch (IllegalArgumentException e) {
            return; // reported where Bootstrap reads it
        }
        if (mode == JoseProvider.Mode.AUTO) {
            JoseProvider.selecting(mode);
        }
    }

    /** The TLS certificate and key the options name, or null for plain HTTP. */
    private TlsIdentity tls() throws IOException {
        if (tlsSelfSigned && (tlsCert != null || tlsKey != null)) {
            throw new IllegalArgumentException("--tls-self-signed and --tls-cert/--tls-key exclude each other");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (tlsSelfSigned) {
            TlsIdentity identity = TlsIdentity.selfSigned(host, new SecureRandom());
            LOG.info("Serving HTTPS with a self-signed certificate for localhost, 127.0.0.1 and ::1, SHA-256 {}",
                    identity.fingerprint());
            return identity;
        }
        return tlsCert == null ? null : TlsIdentity.fromPem(tlsCert, tlsKey);
    }

    private static String scheme(TlsIdentity tls) {
        return tls == null ? "http" : "https";
    }

    static String listenerUrl(String host, int port) {
        return listenerUrl("http", host, port);
    }

    /**
     * The URL of a listener bound to {@code host} and {@code port}, the default public URL: a wildcard address
     * names no host a client could use, so it becomes {@code localhost}; an IPv6 address is put in brackets.
     */
    static String listenerUrl(String scheme, String host, int port) {
        String name = isWildcard(host) ? "localhost"
                : host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + name + ":" + port;
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
