package io.grantsmith.server.http;

import io.grantsmith.core.log.RepeatedFailures;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.server.metrics.ServerMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The single Jetty handler: routes each request to its endpoint and turns every failure into a JSON
 * response in the shape its path speaks (Authlete API errors under {@code /api}, OAuth errors under
 * {@code /as}). Nothing escapes as an HTML page or a stack trace. Runs endpoints on Jetty's worker threads,
 * which may block (the store acknowledges a token only once it is durable); a request whose body is still on its way
 * gives its thread back until the body has arrived (see {@link Exchange#body}), so that slow clients cannot hold
 * the pool. The token endpoints do not block on the store: they leave their response to the commit's stage
 * ({@link Exchange#respondWhen}), and the request is finished (answered, counted, logged, its sender's slot given
 * back) once the stage completes: on the store writer's completion thread, or on a pool thread, never on the writer's
 * own thread ({@link Exchange#whenStageCompletes}).
 */
final class EdgeHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeHandler.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.grantsmith.server.http.access");
    /** RFC 9110 §11.6.1: a 401 names the scheme it wants; the v2 API takes Basic, everything else Bearer. */
    private static final String BASIC = "Basic realm=\"grantsmith\"";
    private static final String BEARER = "Bearer realm=\"grantsmith\"";
    /**
     * On every response: API answers carry tokens, secrets and passwords, token endpoint answers tokens, and the
     * rest (health, metrics, errors) is live state. No cache or proxy may keep any of it.
     */
    private static final HttpField NO_STORE = Exchange.NO_STORE;
    private static final HttpField NO_CACHE = Exchange.NO_CACHE;

    private final Router router;
    private final SenderGate senders;
    private final ServerMetrics metrics;
    private final RepeatedFailures failures = RepeatedFailures.perMinute();
    private final long minDataRate;
    private final Duration refusalDelay;

    EdgeHandler(Router router, ServerMetrics metrics, EdgeLimits limits) {
        this(router, metrics, limits, null);
    }

    /**
     * @param senders the gate the endpoints take their senders' turns at, which says how closely each run's CPU time
     *                is measured ({@link SenderGate#cpuWeight}); null to measure every run exactly
     */
    EdgeHandler(Router router, ServerMetrics metrics, EdgeLimits limits, SenderGate senders) {
        this.router = router;
        this.senders = senders;
        this.metrics = metrics;
        this.minDataRate = limits.minRequestDataRate();
        this.refusalDelay = limits.refusalDelay();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String rawPath = request.getHttpURI().getPath();
        String path = rawPath == null ? "/" : decode(rawPath);
        Router.Match match = router.find(request.getMethod(), path);
        response.getHeaders().put(NO_STORE).put(NO_CACHE);
        String requestId = RequestIds.acceptOrCreate(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, requestId);
        Exchange exchange = new Exchange(request, response, callback,
                match.route() == null ? Map.of() : match.parameters(), minDataRate, drainLimit(path));
        Endpoint endpoint = match.route() == null
                ? unrouted -> refuseUnrouted(unrouted, match.allowedMethods())
                : match.route().endpoint();
        exchange.resumeWith(() -> dispatch(exchange, match, path, start, requestId, endpoint));
        dispatch(exchange, match, path, start, requestId, endpoint);
        return true;
    }

    /**
     * Runs {@link #dispatchRequest} with the request's ID in the logging context of this thread, and only there:
     * a request may be resumed on another thread (its body arrived, its turn came), which sets it again.
     */
    private void dispatch(Exchange exchange, Router.Match match, String path, long start, String requestId,
            Endpoint step) {
        MDC.put(RequestIds.LOG_KEY, requestId);
        try {
            dispatchRequest(exchange, match, path, start, requestId, step);
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
        }
    }

    /**
     * Runs one step of the request (its endpoint, or the response the endpoint left to a stage) and answers. When
     * the endpoint ends its run waiting for the request body, the body is awaited without holding this thread and the
     * endpoint runs again once it is complete; likewise when it waits for its sender's turn
     * ({@link Exchange#awaitTurn}). When it leaves its response to a stage, the request is finished once the stage
     * completes (where: {@link Exchange#whenStageCompletes}). Once answered, the request gives its turn back.
     */
    private void dispatchRequest(Exchange exchange, Router.Match match, String path, long start, String requestId,
            Endpoint step) {
        String apiName = match.route() == null ? path : match.route().apiName();
        int cpuWeight = senders == null ? 1 : senders.cpuWeight(); // exact while pacing may hold a sender back
        long cpuStart = cpuWeight == 0 ? 0 : ThreadCpu.now();
        try {
            if (!run(exchange, match, path, apiName, step, () -> dispatch(exchange, match, path, start, requestId,
                    step))) {
                return; // the request waits (for its body or its turn) and runs again later
            }
        } finally {
            if (cpuWeight != 0) {
                exchange.chargeCpu((ThreadCpu.now() - cpuStart) * cpuWeight);
            }
        }
        if (exchange.isResponsePending()) {
            exchange.awaitStage(); // its slot to the sender's next request while the commit is pending
            // registered only now that this run is over, so the two runs of the request never overlap
            exchange.whenStageCompletes(() -> respondFromStage(exchange, match, path, start, requestId, apiName));
            return;
        }
        finish(exchange, match, path, apiName, start);
    }

    /**
     * The request's step once its stage completed. Nothing above catches what escapes here (the stage's
     * continuation drops it): a failure while finishing (sending the failure, giving the slot back, counting,
     * logging) would leave the connection hanging and the slot taken, so it is caught, the request abandoned
     * ({@link Exchange#abandon}) and the failure logged, each kind once a minute.
     */
    private void respondFromStage(Exchange exchange, Router.Match match, String path, long start, String requestId,
            String apiName) {
        try {
            dispatch(exchange, match, path, start, requestId, Exchange::respondFromStage);
        } catch (Throwable escaped) {
            try {
                exchange.abandon();
            } finally {
                logAbandoned(exchange, apiName, requestId, escaped);
            }
        }
    }

    /** Logs a failure that escaped finishing a request; never throws (the failure's own methods may). */
    private void logAbandoned(Exchange exchange, String apiName, String requestId, Throwable escaped) {
        MDC.put(RequestIds.LOG_KEY, requestId);
        try {
            String signature;
            try {
                signature = RepeatedFailures.signatureOf(escaped);
            } catch (Throwable unreadable) {
                signature = escaped.getClass().getName();
            }
            failures.record(signature).ifPresent(unlogged -> LOG.error(
                    "failure finishing {} {}, request abandoned{}", exchange.method(), apiName,
                    unlogged == 0 ? "" : " (" + unlogged + " more like it since it was last logged)", escaped));
        } catch (Throwable unloggable) {
            try {
                LOG.error("failure finishing {} {}, request abandoned: {} (not printable)", exchange.method(),
                        apiName, escaped.getClass().getName());
            } catch (Throwable ignored) {
                // the request is answered and its slot back; nothing more can be done for its log line
            }
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
        }
    }

    /** The request is answered (or must be now): gives its turn back, counts and logs it. */
    private void finish(Exchange exchange, Router.Match match, String path, String apiName, long start) {
        if (!exchange.isSent()) {
            LOG.error("endpoint for {} {} sent no response", exchange.method(), apiName);
            sendFailure(exchange, path, apiName, new ApiFailure(ApiResultCode.SERVER_ERROR), Set.of());
        }
        exchange.releaseTurn();
        // Unrouted requests share one route label and their method is one of a fixed set, so that random paths
        // and invented methods cannot create unbounded metric series.
        long elapsed = System.nanoTime() - start;
        if (match.route() == null) {
            metrics.request("other", ServerMetrics.methodLabel(exchange.method()), exchange.status(), elapsed);
        } else {
            metrics.request(apiName, match.route().method(), exchange.status(), elapsed);
        }
        logAccess(exchange, match, elapsed);
    }

    /**
     * One DEBUG line per answered request on {@code io.grantsmith.server.http.access}: method, route pattern (never
     * the path, which may carry a client's identifiers, nor the query), status and time. The request ID is in the
     * logging context.
     */
    private static void logAccess(Exchange exchange, Router.Match match, long elapsedNanos) {
        if (ACCESS.isDebugEnabled()) {
            boolean routed = match.route() != null;
            String method = routed ? match.route().method() : ServerMetrics.methodLabel(exchange.method());
            ACCESS.debug("{} {} {} {} us", method, routed ? match.route().pattern() : "(no route)", exchange.status(),
                    elapsedNanos / 1_000);
        }
    }

    /** One run of a step; false when the request now waits for its body or its turn. */
    private boolean run(Exchange exchange, Router.Match match, String path, String apiName, Endpoint step,
            Runnable runAgain) {
        try {
            step.handle(exchange);
        } catch (BodyPending pending) {
            if (exchange.isAwaitingBody() && !exchange.isSent()) {
                exchange.awaitBody(runAgain);
                return false;
            }
            LOG.error("endpoint for {} {} waited for a body it had not asked for", exchange.method(), apiName);
            sendFailure(exchange, path, apiName, new ApiFailure(ApiResultCode.SERVER_ERROR), Set.of());
        } catch (TurnPending pending) {
            return false; // resumed by whoever gives up a slot, or by the wait's deadline; the exchange is theirs now
        } catch (ApiFailure failure) {
            sendFailure(exchange, path, apiName, failure, match.allowedMethods());
        } catch (StoreException storeFailure) {
            // The store is away or failing (a lookup before any write, e.g. the service at /as during a database
            // outage): the store's own health reporting says why; here one line per kind and minute, no stack trace.
            failures.record(RepeatedFailures.signatureOf(storeFailure)).ifPresent(unlogged -> LOG.warn(
                    "store failure handling {} {}: {}{}", exchange.method(), apiName, storeFailure.getMessage(),
                    unlogged == 0 ? "" : " (" + unlogged + " more like it since it was last logged)"));
            sendFailure(exchange, path, apiName, new ApiFailure(ApiResultCode.SERVER_ERROR), Set.of());
        } catch (Throwable unexpected) {
            // A broken store fails every request alike: one stack trace per kind and minute, not one per request.
            failures.record(RepeatedFailures.signatureOf(unexpected)).ifPresent(unlogged -> LOG.error(
                    "unexpected failure handling {} {}{}", exchange.method(), apiName,
                    unlogged == 0 ? "" : " (" + unlogged + " more like it since it was last logged)", unexpected));
            sendFailure(exchange, path, apiName, new ApiFailure(ApiResultCode.SERVER_ERROR), Set.of());
        }
        return true;
    }

    private static void refuseUnrouted(Exchange exchange, Set<String> allowedMethods) {
        if (!allowedMethods.isEmpty()) {
            throw new ApiFailure(ApiResultCode.METHOD_NOT_ALLOWED, exchange.method());
        }
        throw new ApiFailure(ApiResultCode.UNKNOWN_PATH);
    }

    private void sendFailure(Exchange exchange, String path, String apiName, ApiFailure failure,
            Set<String> allowedMethods) {
        if (exchange.isSent()) {
            return;
        }
        int status = failure.code().httpStatus();
        String[] headers = switch (status) {
            case 405 -> new String[] {"Allow", String.join(", ", allowedMethods)};
            case 401 -> new String[] {"WWW-Authenticate", exchange.isBasicChallenge() ? BASIC : BEARER};
            default -> failure.retryAfterSeconds() > 0
                    ? new String[] {"Retry-After", Long.toString(failure.retryAfterSeconds())} : new String[0];
        };
        if (path.startsWith("/as/") || path.startsWith("/.well-known/")) { // the built-in server's, OAuth-shaped
            // 429 and 503 say "not now" (a limit, an overload), not that the request is wrong
            boolean notNow = status == 429 || status == 503;
            String error = notNow ? "temporarily_unavailable" : status >= 500 ? "server_error" : "invalid_request";
            if (notNow && path.startsWith("/as/")) {
                exchange.delayResponse(refusalDelay); // a busy sender's refusal must not invite an instant retry
            }
            exchange.sendJsonNoStore(status, ErrorBodies.oauth(error, failure.resultMessage(apiName)), headers);
        } else {
            exchange.sendJson(status, ErrorBodies.api(failure, apiName), headers);
        }
    }

    /**
     * How much of a body the edge reads and discards when it answers before the body was read: the largest body an
     * endpoint under that path takes (the API's JSON bodies, or the built-in server's forms).
     */
    private static int drainLimit(String path) {
        return path.startsWith("/api/") ? ApiBodies.MAX_BODY_BYTES : AuthorizationServerEndpoint.MAX_BODY_BYTES;
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
