package io.grantsmith.server.http;

import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.access.ConfiguredToken;
import io.grantsmith.server.metrics.ServerMetrics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The HTTP server: Jetty 12 with one handler and a routing table. Plain HTTP by default: terminate TLS in front of
 * it (a reverse proxy or load balancer), as OAuth requires TLS on the wire; or give it a {@link TlsIdentity} and it
 * serves HTTPS itself (HTTP/1.1 over TLS 1.2 and 1.3, Jetty's default protocols and cipher suites).
 */
public final class HttpServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final SenderGate senders;

    public HttpServer(Grantsmith grantsmith, String host, int port) {
        this(grantsmith, host, port, EdgeLimits.DEFAULTS, null, false);
    }

    /**
     * @param limits       timeouts, rates and sizes that keep slow clients from tying the server up
     * @param metricsToken a token that may read {@code /metrics} and nothing else (at least 32 characters), or null
     * @param noopRoute    also serve {@code POST /bench/noop}, the benchmark's baseline
     * @throws IllegalArgumentException when the metrics token is too short
     */
    public HttpServer(Grantsmith grantsmith, String host, int port, EdgeLimits limits, String metricsToken,
            boolean noopRoute) {
        this(grantsmith, host, port, limits, metricsToken, noopRoute, null);
    }

    /**
     * @param tls the certificate and key to serve HTTPS with, or null for plain HTTP
     */
    public HttpServer(Grantsmith grantsmith, String host, int port, EdgeLimits limits, String metricsToken,
            boolean noopRoute, TlsIdentity tls) {
        JettyCacheLines.configure(); // before the thread pool below: its queue is the first Jetty class to ask
        TokenHash metricsTokenHash = metricsToken == null ? null : ConfiguredToken.hash("metrics token", metricsToken);
        // Token requests block on a worker thread while their batch commits, so the pool must exceed the number of
        // requests in flight; idle threads cost little. Bodies are read before a request takes a thread for long.
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(16, limits.maxThreads()));
        threads.setName("grantsmith-http");
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        this.connector = tls == null ? new ServerConnector(server, new HttpConnectionFactory(config))
                : tlsConnector(config, tls);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.addBean(new HeaderTimeout(connector, limits.headerTimeout()));
        ServerMetrics metrics = new ServerMetrics(grantsmith.storeStatistics());
        metrics.joseProvider(grantsmith.joseProviderSelection()); // published once selected: a start does not wait
        // each sender's requests charged their CPU time; on a saturated CPU, paced to an equal part while others are busy
        Scheduler scheduler = server.getScheduler();
        this.senders = new SenderGate(limits.effectiveRequestsInProcess(), SenderGate.QUEUE_PER_SENDER,
                new SenderGate.CpuPacing(SenderGate.CpuPacing.DEFAULT_BURST, SenderGate.CpuPacing.DEFAULT_SATURATION,
                        ThreadCpu::machineLoad, System::nanoTime,
                        (delayNanos, task) -> scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS)));
        Router router = routes(grantsmith, metrics, metricsTokenHash, senders, limits.refusalDelay(), noopRoute);
        server.setHandler(new EdgeHandler(router, metrics, limits, senders));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(5_000);
    }

    private ServerConnector tlsConnector(HttpConfiguration config, TlsIdentity tls) {
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // the certificate may name another host than the one a local tool dials (127.0.0.1 for localhost)
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.password()));
        ssl.setCertAlias(TlsIdentity.ALIAS);
        HttpConnectionFactory http = new HttpConnectionFactory(config);
        return new ServerConnector(server, new SslConnectionFactory(ssl, http.getProtocol()), http);
    }

    /** The routing table without the benchmark's no-op route. */
    static Router routes(Grantsmith grantsmith, ServerMetrics metrics, TokenHash metricsToken, SenderGate senders,
            Duration refusalDelay) {
        return routes(grantsmith, metrics, metricsToken, senders, refusalDelay, false);
    }

    /**
     * @param senders      the fair share of each service at {@code /api} and each client at {@code /as}
     * @param refusalDelay how much later {@code /as} sends its cheap refusals
     * @param noopRoute    also serve {@code POST /bench/noop}, the benchmark's baseline
     */
    static Router routes(Grantsmith grantsmith, ServerMetrics metrics, TokenHash metricsToken, SenderGate senders,
            Duration refusalDelay, boolean noopRoute) {
        Router router = new Router();
        ApiAuthentication authentication = new ApiAuthentication(grantsmith.access(), senders);
        new HealthEndpoint(grantsmith).register(router);
        new MetricsEndpoint(metrics, authentication, metricsToken).register(router);
        new TokenApiEndpoints(grantsmith.tokens(), authentication, metrics).register(router);
        new AuthorizationApiEndpoints(grantsmith.authorizations(), authentication, metrics).register(router);
        new ManagementEndpoints(grantsmith.services(), grantsmith.clients(), authentication).register(router);
        new AuthorizationServerEndpoint(grantsmith.tokens(), grantsmith.users(), metrics, senders, refusalDelay)
                .register(router);
        new AuthorizePage(grantsmith.authorizationBackend(), grantsmith.publicUrl()).register(router);
        new LogoutPage(grantsmith.logoutBackend(), grantsmith.publicUrl()).register(router);
        new KeyEndpoints(grantsmith.keys(), authentication).register(router);
        new DiscoveryEndpoints(grantsmith.discovery(), authentication).register(router);
        new UserEndpoints(grantsmith.userManagement(), authentication).register(router);
        new UserInfoEndpoints(grantsmith.userInfo(), authentication).register(router);
        new IntrospectionEndpoints(grantsmith.introspection(), authentication).register(router);
        new OpenApiEndpoint().register(router);
        if (noopRoute) {
            new NoopEndpoint().register(router);
        }
        return router;
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Connections open now (accepted and not yet closed). */
    public int openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    /** The senders' fair shares (tests look at who waits). */
    SenderGate senders() {
        return senders;
    }

    /** Worker threads running a request now (tests show that waiting requests hold none). */
    public int busyThreads() {
        return server.getThreadPool() instanceof QueuedThreadPool pool ? pool.getBusyThreads() : -1;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * Errors Jetty itself answers (unparsable requests, oversized headers): JSON, never an HTML page or trace;
     * in Authlete's shape under {@code /api/}, in OAuth's elsewhere.
     */
    static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            byte[] body;
            if (path != null && path.startsWith("/api/")) {
                body = ErrorBodies.api(new ApiFailure(ApiResultCode.BODY_MALFORMED, "HTTP " + status),
                        Quoted.of(path));
            } else {
                body = ErrorBodies.oauth(status >= 500 ? "server_error" : "invalid_request", "HTTP " + status);
            }
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.PRAGMA, "no-cache");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
