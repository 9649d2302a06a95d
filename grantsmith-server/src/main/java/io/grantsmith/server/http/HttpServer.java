package io.grantsmith.server.http;

import io.grantsmith.core.error.Quoted;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.server.metrics.ServerMetrics;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: Jetty 12 with one handler and a routing table. Plain HTTP: terminate TLS in front of it
 * (a reverse proxy or load balancer), as OAuth requires TLS on the wire.
 */
public final class HttpServer implements AutoCloseable {
    /**
     * Worker threads. Token requests block while their batch commits, so the pool must exceed the number of
     * requests in flight; idle threads cost little.
     */
    static final int MAX_THREADS = 400;

    private final Server server;
    private final ServerConnector connector;

    public HttpServer(Grantsmith grantsmith, String host, int port) {
        this(grantsmith, host, port, false);
    }

    /** @param noopRoute also serve {@code POST /bench/noop}, the benchmark's baseline */
    public HttpServer(Grantsmith grantsmith, String host, int port, boolean noopRoute) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 16);
        threads.setName("grantsmith-http");
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServerMetrics metrics = new ServerMetrics(grantsmith.storeStatistics());
        Router router = routes(grantsmith, metrics);
        if (noopRoute) {
            new NoopEndpoint().register(router);
        }
        server.setHandler(new EdgeHandler(router, metrics));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(5_000);
    }

    static Router routes(Grantsmith grantsmith, ServerMetrics metrics) {
        Router router = new Router();
        ApiAuthentication authentication = new ApiAuthentication(grantsmith.access());
        new HealthEndpoint(grantsmith).register(router);
        new MetricsEndpoint(metrics, authentication).register(router);
        new TokenApiEndpoints(grantsmith.tokens(), authentication, metrics).register(router);
        new ManagementEndpoints(grantsmith.services(), grantsmith.clients(), authentication).register(router);
        new AuthorizationServerEndpoint(grantsmith.tokens(), grantsmith.users(), metrics).register(router);
        new KeyEndpoints(grantsmith.keys(), authentication).register(router);
        new DiscoveryEndpoints(grantsmith.discovery(), authentication).register(router);
        return router;
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return connector.getLocalPort();
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
    private static final class JsonErrorHandler extends ErrorHandler {
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
