package io.grantsmith.server.http;

import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.server.metrics.ServerMetrics;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single Jetty handler: routes each request to its endpoint and turns every failure into a JSON
 * response in the shape its path speaks (Authlete API errors under {@code /api}, OAuth errors under
 * {@code /as}). Nothing escapes as an HTML page or a stack trace. Runs endpoints on Jetty's worker threads,
 * which may block (the store acknowledges a token only once it is durable).
 */
final class EdgeHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeHandler.class);

    private final Router router;
    private final ServerMetrics metrics;

    EdgeHandler(Router router, ServerMetrics metrics) {
        this.router = router;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String rawPath = request.getHttpURI().getPath();
        String path = rawPath == null ? "/" : decode(rawPath);
        Router.Match match = router.find(request.getMethod(), path);
        Exchange exchange = new Exchange(request, response, callback,
                match.route() == null ? Map.of() : match.parameters());
        String apiName = match.route() == null ? path : match.route().apiName();
        try {
            if (match.route() == null) {
                refuseUnrouted(exchange, match.allowedMethods());
            } else {
                match.route().endpoint().handle(exchange);
            }
        } catch (ApiFailure failure) {
            sendFailure(exchange, path, apiName, failure, match.allowedMethods());
        } catch (Throwable unexpected) {
            LOG.error("unexpected failure handling {} {}", request.getMethod(), apiName, unexpected);
            sendFailure(exchange, path, apiName, new ApiFailure(ApiResultCode.SERVER_ERROR), Set.of());
        }
        if (!exchange.isSent()) {
            LOG.error("endpoint for {} {} sent no response", request.getMethod(), apiName);
            sendFailure(exchange, path, apiName, new ApiFailure(ApiResultCode.SERVER_ERROR), Set.of());
        }
        // Unrouted requests share one route label and their method is one of a fixed set, so that random paths
        // and invented methods cannot create unbounded metric series.
        if (match.route() == null) {
            metrics.request("other", ServerMetrics.methodLabel(request.getMethod()), exchange.status(),
                    System.nanoTime() - start);
        } else {
            metrics.request(apiName, match.route().method(), exchange.status(), System.nanoTime() - start);
        }
        return true;
    }

    private static void refuseUnrouted(Exchange exchange, Set<String> allowedMethods) {
        if (!allowedMethods.isEmpty()) {
            throw new ApiFailure(ApiResultCode.METHOD_NOT_ALLOWED, exchange.method());
        }
        throw new ApiFailure(ApiResultCode.UNKNOWN_PATH);
    }

    private static void sendFailure(Exchange exchange, String path, String apiName, ApiFailure failure,
            Set<String> allowedMethods) {
        if (exchange.isSent()) {
            return;
        }
        int status = failure.code().httpStatus();
        String[] headers = switch (status) {
            case 405 -> new String[] {"Allow", String.join(", ", allowedMethods)};
            // RFC 9110 §11.6.1: a 401 names the scheme it wants; the v2 API takes Basic, everything else Bearer
            case 401 -> new String[] {"WWW-Authenticate",
                    (path.startsWith("/api/auth/") || path.equals("/api/service/jwks/get")
                            || path.equals("/api/service/configuration") ? "Basic" : "Bearer")
                            + " realm=\"grantsmith\""};
            default -> failure.retryAfterSeconds() > 0
                    ? new String[] {"Retry-After", Long.toString(failure.retryAfterSeconds())} : new String[0];
        };
        if (path.startsWith("/as/") || path.startsWith("/.well-known/")) { // the built-in server's, OAuth-shaped
            // 429 and 503 say "not now" (a limit, an overload), not that the request is wrong
            String error = status == 429 || status == 503 ? "temporarily_unavailable"
                    : status >= 500 ? "server_error" : "invalid_request";
            exchange.sendJsonNoStore(status, ErrorBodies.oauth(error, failure.resultMessage(apiName)), headers);
        } else {
            exchange.sendJson(status, ErrorBodies.api(failure, apiName), headers);
        }
    }

    /** Decodes percent-escapes segment by segment, so that an escaped '/' cannot create a new segment. */
    private static String decode(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        String[] segments = rawPath.split("/", -1);
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                decoded.append('/');
            }
            String segment = segments[i];
            try {
                String plain = URIUtil.decodePath(segment);
                decoded.append(plain.indexOf('/') >= 0 ? segment : plain);
            } catch (IllegalArgumentException e) {
                decoded.append(segment);
            }
        }
        return decoded.toString();
    }
}
