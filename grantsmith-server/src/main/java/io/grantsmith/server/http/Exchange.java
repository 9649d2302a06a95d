package io.grantsmith.server.http;

import io.grantsmith.core.async.BatchCompleter;
import io.grantsmith.core.async.Stages;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One HTTP request and its response, as endpoints see them: headers, path parameters, a size-capped body and
 * methods that send a complete response. Wraps Jetty's core API so that endpoints stay free of it.
 */
public final class Exchange {
    /** Response fields used on every token response, encoded once. */
    static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    static final HttpField NO_CACHE = new PreEncodedHttpField(HttpHeader.PRAGMA, "no-cache");
    private static final HttpField APPLICATION_JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
            "application/json");

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> pathParameters;
    private final long minDataRate;
    /** The most body bytes read and discarded before an answer that came before the body was read. */
    private final int drainLimit;
    private BodyReader bodyReader;
    private boolean basicChallenge;
    private boolean sent;
    private int status;
    private boolean closeAfterResponse;
    /** Runs the endpoint again (set by the edge): after the body arrived, or once the request has its turn. */
    private Runnable resume;
    private SenderGate heldGate;
    private Object heldSender;
    /** The request gave its slot up to await its stage ({@link #awaitStage}); guarded by {@code this}. */
    private boolean awaitingStage;
    /** CPU time this request's runs have used so far, charged to its sender when it gives its slot back. */
    private volatile long cpuNanos;
    private boolean turnRefused;
    private long responseDelayNanos;
    /** The delayed response keeps the sender's slot until it is sent (set only together with a delay). */
    private volatile boolean holdTurnUntilSent;
    /** The response the endpoint left to a stage ({@link #respondWhen}), until the edge runs it. */
    private PendingResponse<?> pendingResponse;
    /** Whether {@link #pendingResponse}'s stage is only a commit ({@link #respondWhenCommitted}). */
    private boolean yieldsTurnWhilePending;
    /** A response write (or the wait for the unread body before it) has taken over completing the callback. */
    private boolean responseUnderway;

    Exchange(Request request, Response response, Callback callback, Map<String, String> pathParameters,
            long minDataRate, int drainLimit) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathParameters = pathParameters;
        this.minDataRate = minDataRate;
        this.drainLimit = drainLimit;
    }

    public String method() {
        return request.getMethod();
    }

    public String header(HttpHeader header) {
        return request.getHeaders().get(header);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** How many times the header appears (a repeated Authorization header is a malformed request). */
    public int headerCount(HttpHeader header) {
        int count = 0;
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == header) {
                count++;
            }
        }
        return count;
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The raw (still encoded) query string, or null when the URL has none. */
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** The value of the first cookie with this name, or null. */
    public String cookie(String name) {
        try {
            for (org.eclipse.jetty.http.HttpCookie cookie : Request.getCookies(request)) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        } catch (RuntimeException malformed) {
            // a Cookie header Jetty cannot parse carries no cookie of ours
        }
        return null;
    }

    /** Whether the request came over TLS to this server. */
    public boolean isSecure() {
        return request.isSecure();
    }

    /** Adds a {@code Set-Cookie} header to the response to come (several may be added). */
    public void addCookie(String setCookie) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, setCookie);
    }

    /** The query parameter's value, or null; a malformed query string counts as absent. */
    public String queryParameter(String name) {
        try {
            Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            return fields.getValue(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The request body, read completely but never beyond {@code maxBytes}.
     *
     * <p>When the body has not fully arrived yet, this ends the endpoint's run (with {@link BodyPending}, which the
     * edge catches): the edge waits for the rest without holding a thread and then runs the endpoint again from the
     * start, when this method returns the complete body. An endpoint therefore does nothing that matters before it
     * has its body.
     *
     * @throws ApiFailure 413 when the body is larger; 400 when it cannot be read (broken chunked encoding, a body
     *                    shorter than its {@code Content-Length}): that is the client's fault, not a server error;
     *                    408 when it arrives more slowly than the minimum data rate
     */
    public byte[] body(int maxBytes) {
        if (bodyReader == null) {
            bodyReader = new BodyReader(request, maxBytes, minDataRate);
            bodyReader.readAvailable();
        }
        if (!bodyReader.isComplete()) {
            throw BodyPending.INSTANCE;
        }
        closeAfterResponse |= bodyReader.closeConnection();
        return bodyReader.body();
    }

    /** Whether the endpoint ended its run waiting for the body ({@link #body} threw {@link BodyPending}). */
    boolean isAwaitingBody() {
        return bodyReader != null && !bodyReader.isComplete();
    }

    /** Waits for the rest of the body without holding a thread, then runs {@code continuation}. */
    void awaitBody(Runnable continuation) {
        bodyReader.readRest(continuation);
    }

    /** How the edge runs this request's endpoint again once it has waited (for its body or its turn). */
    void resumeWith(Runnable continuation) {
        this.resume = continuation;
    }

    /**
     * Takes one of {@code sender}'s slots at {@code gate} for this request, kept until the request is done.
     *
     * <p>When the sender has every slot in use, this ends the endpoint's run (with {@link TurnPending}, which the edge
     * catches): the request waits without holding a thread, and the endpoint runs again from the start once it has
     * a slot, when this method returns at once. As with {@link #body}, an endpoint does nothing that matters before.
     *
     * @throws ApiFailure 503 with {@code Retry-After} when the sender's queue is full or the request waited
     *                    {@link SenderGate#MAX_WAIT} in vain
     */
    public void awaitTurn(SenderGate gate, Object sender) {
        if (heldGate != null) {
            return;
        }
        if (turnRefused) {
            throw busy();
        }
        TurnWaiter waiter = new TurnWaiter(gate, sender);
        switch (gate.enter(sender, waiter)) {
            case ENTERED -> hold(gate, sender);
            case FULL -> throw busy();
            case QUEUED -> {
                waiter.startDeadline();
                throw TurnPending.INSTANCE;
            }
        }
    }

    /**
     * Ends the endpoint's run with its response still to come: once {@code pending} completes (for a token, right
     * after the commit that makes the token durable), {@code respond} sends the response, and the edge finishes the
     * request, on the store writer's completion thread or on a thread of Jetty's pool, never on a writer thread
     * (see {@link #whenStageCompletes}). No thread waits meanwhile. A failed stage is answered as if the
     * endpoint had thrown its failure. The endpoint returns right after this call; {@code respond} may itself leave
     * its response to a further stage.
     */
    public <T> void respondWhen(CompletionStage<T> pending, Responder<? super T> respond) {
        pendingResponse = new PendingResponse<>(pending, respond);
        yieldsTurnWhilePending = false;
    }

    /**
     * As {@link #respondWhen}, for a stage that is nothing but the commit of tokens whose answer is cheap to write
     * (a {@code client_credentials} grant): while it is pending, the request may give its slot to its sender's next
     * request ({@link #awaitStage}). A stage that still does work of its own after the commit (a refresh that signs
     * a new ID token, or retries a lost race) must use {@link #respondWhen}: work done without a slot is never
     * paced or charged to its sender.
     */
    public <T> void respondWhenCommitted(CompletionStage<T> commit, Responder<? super T> respond) {
        pendingResponse = new PendingResponse<>(commit, respond);
        yieldsTurnWhilePending = true;
    }

    /** Sends a response from a stage's value; see {@link #respondWhen}. */
    @FunctionalInterface
    public interface Responder<T> {
        void respond(T value) throws Exception;
    }

    /** Whether the endpoint's run ended with its response left to a stage ({@link #respondWhen}). */
    boolean isResponsePending() {
        return pendingResponse != null && !sent;
    }

    /**
     * For the edge: runs {@code continuation} once the stage completes, which then calls {@link #respondFromStage}.
     * Where it runs:
     * <ul>
     *   <li>a stage already complete (a password grant's answer, a write on PostgreSQL's pooled writer): at once, on
     *       this thread, which has just run the endpoint and may do whatever the endpoint may;</li>
     *   <li>a stage completed on a store writer's completion thread ({@link BatchCompleter#isCurrentThread}, the
     *       SQLite and PostgreSQL group writers): right there, as answering is that thread's job and it holds up no
     *       commit; Jetty's write does not block, so a slow client holds up nobody;</li>
     *   <li>a stage completed on any other thread (a writer thread itself, the write deadlines' timer, a thread of
     *       someone else's): on Jetty's pool, so that no response work (JSON, a TLS write, logging, the slot's
     *       release) runs there. When the pool refuses the task (the server is stopping), it runs on the completing
     *       thread rather than never.</li>
     * </ul>
     */
    void whenStageCompletes(Runnable continuation) {
        CompletableFuture<?> stage = pendingResponse.stage.toCompletableFuture();
        if (stage.isDone()) {
            continuation.run();
            return;
        }
        Executor pool = executor();
        stage.whenComplete((value, failure) -> {
            if (BatchCompleter.isCurrentThread()) {
                continuation.run();
            } else {
                runOn(pool, continuation);
            }
        });
    }

    private static void runOn(Executor pool, Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }

    /**
     * For the edge, when finishing the request itself failed (a step after the endpoint threw): gives the sender's
     * slot back (once, whoever else tries) and, unless a response is already on its way to complete the callback,
     * fails the callback, so that Jetty answers 500 or closes the connection instead of leaving it to hang until
     * the idle timeout.
     */
    void abandon() {
        try {
            giveTurnBack();
        } finally {
            if (!responseUnderway) {
                responseUnderway = true;
                callback.failed(new IllegalStateException("finishing the response failed"));
            }
        }
    }

    /** For the edge: the endpoint's step after its stage completed: sends the response, or throws the failure. */
    void respondFromStage() throws Exception {
        PendingResponse<?> pending = pendingResponse;
        pendingResponse = null;
        pending.respond();
    }

    /** Where work that must not run on the thread completing a stage goes (it may block): Jetty's pool. */
    public Executor executor() {
        return request.getComponents().getThreadPool();
    }

    /** A stage and what sends the response from its value. */
    private record PendingResponse<T>(CompletionStage<T> stage, Responder<? super T> responder) {
        void respond() throws Exception {
            T value;
            try {
                value = stage.toCompletableFuture().join();
            } catch (CompletionException wrapped) {
                Throwable cause = Stages.unwrap(wrapped);
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw wrapped;
            }
            responder.respond(value);
        }
    }

    /** Adds the CPU time one run of the endpoint for this request used (measured by the edge). */
    void chargeCpu(long nanos) {
        cpuNanos += nanos; // runs of one request never overlap: one thread at a time
    }

    /** Gives back the slot {@link #awaitTurn} took, if any: the request is done (answered or failed). */
    void releaseTurn() {
        if (!holdTurnUntilSent) {
            giveTurnBack();
        }
    }

    /** Gives the slot back once (from the edge, or from the timer that sends a delayed response). */
    private void giveTurnBack() {
        SenderGate gate;
        boolean awaitedStage;
        synchronized (this) {
            gate = heldGate;
            heldGate = null;
            awaitedStage = awaitingStage;
        }
        if (gate != null) {
            // outside the lock: leaving admits another request, which takes its own
            gate.leave(heldSender, cpuNanos, awaitedStage);
        }
    }

    /**
     * For the edge, once the endpoint's run ended with its response left to a stage: while the stage is still
     * pending and is only a commit ({@link #respondWhenCommitted}), the request gives its slot to its sender's next request and awaits the stage
     * ({@link SenderGate#awaitStage}), unless its sender has its share awaiting already. A stage already complete (a
     * password grant's) or a response that keeps its turn until sent leaves the slot where it is.
     */
    void awaitStage() {
        SenderGate gate;
        Object sender;
        synchronized (this) {
            if (awaitingStage || holdTurnUntilSent || pendingResponse == null || !yieldsTurnWhilePending) {
                return;
            }
            gate = heldGate;
            sender = heldSender;
        }
        if (gate == null || pendingResponse.stage.toCompletableFuture().isDone()) {
            return;
        }
        // no other thread gives this turn back meanwhile: the continuation that ends the request is registered after
        if (gate.awaitStage(sender)) {
            synchronized (this) {
                awaitingStage = true;
            }
        }
    }

    /** Whether this request holds a slot of its sender (for tests). */
    boolean holdsTurn() {
        return heldGate != null;
    }

    private synchronized void hold(SenderGate gate, Object sender) {
        heldGate = gate;
        heldSender = sender;
    }

    private static ApiFailure busy() {
        return ApiFailure.retryAfter(1, ApiResultCode.SENDER_BUSY, 1);
    }

    /** This request in its sender's queue: admitted by the request that frees a slot, or refused at its deadline. */
    private final class TurnWaiter implements SenderGate.Waiter {
        private final SenderGate gate;
        private final Object sender;
        private volatile Scheduler.Task deadline;

        TurnWaiter(SenderGate gate, Object sender) {
            this.gate = gate;
            this.sender = sender;
        }

        void startDeadline() {
            deadline = request.getComponents().getScheduler().schedule(this::expire,
                    SenderGate.MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void admit() {
            Scheduler.Task task = deadline;
            if (task != null) {
                task.cancel();
            }
            hold(gate, sender);
            // on a pool thread of its own: the admitting request's thread is still finishing that request
            request.getComponents().getThreadPool().execute(resume);
        }

        private void expire() {
            if (gate.withdraw(sender, this)) {
                turnRefused = true;
                request.getComponents().getThreadPool().execute(resume);
            }
        }
    }

    /**
     * Sends this request's response {@code delay} later than it is ready, without holding a thread meanwhile:
     * refusals that cost the server little would otherwise let one connection loop through thousands a second.
     */
    public void delayResponse(Duration delay) {
        this.responseDelayNanos = delay.toNanos();
    }

    /** Whether a delay was set for the response. */
    boolean isDelayed() {
        return responseDelayNanos > 0;
    }

    /**
     * As {@link #delayResponse(Duration)}, and the request keeps its sender's slot until the response is sent: for
     * refusals of an authenticated sender's own failures (wrong passwords), which should cost the sender its turn,
     * not just the connection. Never for refusals a stranger can cause by naming someone else's client.
     */
    public void delayResponseHoldingTurn(Duration delay) {
        delayResponse(delay);
        holdTurnUntilSent = responseDelayNanos > 0;
    }

    /** A 401 to this request asks for HTTP Basic (the v2 API) rather than a Bearer token. */
    void challengeWithBasic() {
        basicChallenge = true;
    }

    boolean isBasicChallenge() {
        return basicChallenge;
    }

    public boolean isSent() {
        return sent;
    }

    /** The status sent, or 0 before a response was sent. */
    int status() {
        return status;
    }

    /** Sends a complete response. {@code headers} are name/value pairs. */
    public void send(int status, String contentType, byte[] body, String... headers) {
        if (APPLICATION_JSON.getValue().equals(contentType)) {
            send(status, APPLICATION_JSON, body, false, headers);
        } else {
            send(status, contentType == null ? null : new HttpField(HttpHeader.CONTENT_TYPE, contentType), body,
                    false, headers);
        }
    }

    /** As {@link #send(int, String, byte[], String...)}; {@code noStore} puts the no-cache fields after the others. */
    private void send(int status, HttpField contentType, byte[] body, boolean noStore, String... headers) {
        sent = true;
        this.status = status;
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.getHeaders().put(headers[i], headers[i + 1]);
        }
        if (noStore) {
            response.getHeaders().put(NO_STORE).put(NO_CACHE); // encoded once, not per response
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (closeAfterResponse) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        afterUnreadBody(() -> {
            if (responseDelayNanos > 0) {
                request.getComponents().getScheduler().schedule(() -> {
                    giveTurnBack();
                    response.write(true, ByteBuffer.wrap(body), callback);
                }, responseDelayNanos, TimeUnit.NANOSECONDS);
            } else {
                response.write(true, ByteBuffer.wrap(body), callback);
            }
        });
    }

    /**
     * Runs {@code respond} once the request body that no endpoint read (an answer before the body: a refusal, a
     * failed authentication, a store that is away) has been read and discarded, up to {@link #drainLimit}, without
     * holding a thread while it arrives; at once when there is none (every GET, every request whose endpoint read
     * its body). Otherwise the connection would be closed with the body's bytes unread, the kernel would reset it,
     * and a client still sending would lose the answer. A body beyond the limit (or too slow, or broken) is not
     * waited for: the answer says {@code Connection: close}, and Jetty shuts the output after it.
     */
    private void afterUnreadBody(Runnable respond) {
        responseUnderway = true;
        if (bodyReader != null || !BodyReader.mayHaveBody(request)) {
            respond.run();
            return;
        }
        BodyReader discarded = BodyReader.discarding(request, drainLimit, minDataRate);
        bodyReader = discarded;
        Runnable respondAfterDrain = () -> {
            if (discarded.closeConnection()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            respond.run();
        };
        if (discarded.readAvailable()) {
            respondAfterDrain.run();
        } else {
            discarded.readRest(respondAfterDrain);
        }
    }

    /**
     * Sends a public document that browsers and proxies may cache ({@code Cache-Control: public, max-age=...}) and
     * that web applications on any origin may read ({@code Access-Control-Allow-Origin: *}), without the
     * {@code Pragma: no-cache} every other response carries.
     */
    public void sendPublic(int status, String contentType, byte[] body, int maxAgeSeconds) {
        response.getHeaders().remove(HttpHeader.PRAGMA);
        send(status, contentType, body, HttpHeader.CACHE_CONTROL.asString(), "public, max-age=" + maxAgeSeconds,
                HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN.asString(), "*");
    }

    public void sendJson(int status, byte[] body, String... headers) {
        send(status, APPLICATION_JSON, body, false, headers);
    }

    /**
     * As {@link #sendJson}, with {@code Cache-Control: no-store} and {@code Pragma: no-cache} added, as every
     * token endpoint response must carry (RFC 6749 §5.1).
     */
    public void sendJsonNoStore(int status, byte[] body, String... headers) {
        send(status, APPLICATION_JSON, body, true, headers);
    }

    public void sendNoContent() {
        sent = true;
        status = 204;
        response.setStatus(204);
        afterUnreadBody(callback::succeeded);
    }
}
