package io.grantsmith.server.http;

import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request body, capped, without holding a thread while it arrives. What has arrived is taken at once (for
 * a small body sent with its headers that is all of it, and the request never waits); otherwise Jetty calls back
 * when more arrives, on whatever worker thread is free, and {@link #readRest} runs its continuation once the body is
 * complete or has failed.
 *
 * <p>A body that falls behind the minimum data rate (after {@link EdgeLimits#BODY_GRACE}) fails with 408 and closes
 * the connection: checked whenever content arrives. A client that stops sending altogether is cut off by a timer
 * once it is a further grace period behind, by closing its connection (long before the idle timeout). An oversized body up to
 * {@link #DRAIN_LIMIT} is read and discarded before the 413 goes out, so that a client still sending it receives the
 * answer; a larger one gets the answer with {@code Connection: close} instead.
 *
 * <p>{@linkplain #discarding Discarding} readers keep nothing: they read the body of a request that was answered
 * before its body was read, up to a limit, so that the connection holds no unread bytes when the answer goes out
 * (closing a socket with unread data makes the kernel reset it, and the client then loses the answer in flight).
 */
final class BodyReader {
    static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private static final int INITIAL_CAPACITY = 1024;
    private static final long GRACE_NANOS = EdgeLimits.BODY_GRACE.toNanos();

    private final Request request;
    private final int maxBytes;
    private final long minDataRate;
    private final long startNanos;
    /** Reads only to discard: a complete body is no failure, and one beyond {@link #maxBytes} closes. */
    private final boolean discardOnly;
    private final Runnable onContent = this::onContent;

    private byte[] buffer;
    private int size;
    private boolean draining;
    private long discarded;
    /** Bytes received so far, read by the deadline timer. */
    private volatile long received;
    private volatile boolean complete;
    /** The deadline timer closed the connection: the failure that follows means "too slow", not "broken". */
    private volatile boolean cutOff;
    private volatile Scheduler.Task deadline;
    private Runnable then;

    private byte[] body;
    private ApiFailure failure;
    private boolean closeConnection;

    BodyReader(Request request, int maxBytes, long minDataRate) {
        this(request, maxBytes, minDataRate, false);
    }

    private BodyReader(Request request, int maxBytes, long minDataRate, boolean discardOnly) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.minDataRate = minDataRate;
        this.discardOnly = discardOnly;
        this.startNanos = NanoTime.now();
        long declared = request.getLength();
        if (discardOnly) {
            draining = true;
            if (declared > maxBytes) {
                fail(ApiResultCode.BODY_TOO_LARGE, true);
            }
        } else if (declared > DRAIN_LIMIT) {
            fail(ApiResultCode.BODY_TOO_LARGE, true);
        } else if (declared > maxBytes) {
            draining = true;
        } else {
            buffer = new byte[declared >= 0 ? (int) declared : Math.min(maxBytes, INITIAL_CAPACITY)];
        }
    }

    /**
     * A reader that reads the body up to {@code maxBytes} and discards it; {@link #closeConnection()} says whether
     * part of it stays unread (larger, too slow, broken).
     */
    static BodyReader discarding(Request request, int maxBytes, long minDataRate) {
        return new BodyReader(request, maxBytes, minDataRate, true);
    }

    /**
     * Whether the request may have body bytes (a {@code Content-Length} above zero, or chunked): a cheap look at
     * the headers, for requests whose body no endpoint asked for.
     */
    static boolean mayHaveBody(Request request) {
        long declared = request.getLength();
        return declared > 0 || declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Takes whatever content has arrived; true once the body is complete or has failed. */
    boolean readAvailable() {
        while (!complete) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                if (isBehind(NanoTime.now(), 0)) {
                    fail(ApiResultCode.BODY_TOO_SLOW, true);
                }
                return complete;
            }
            if (Content.Chunk.isFailure(chunk)) {
                boolean slow = cutOff || chunk.getFailure() instanceof TimeoutException;
                fail(slow ? ApiResultCode.BODY_TOO_SLOW : ApiResultCode.BODY_MALFORMED, true);
                return true;
            }
            boolean last = chunk.isLast();
            try {
                take(chunk.getByteBuffer());
            } finally {
                chunk.release();
            }
            if (last && !complete) {
                finish();
            }
        }
        return true;
    }

    /**
     * Waits for the rest of the body without holding a thread and then runs {@code continuation}, on the thread
     * that delivered the last content. Call only after {@link #readAvailable()} answered false.
     */
    void readRest(Runnable continuation) {
        this.then = continuation;
        scheduleDeadline();
        request.demand(onContent);
    }

    boolean isComplete() {
        return complete;
    }

    /** Whether the connection must close after the answer: part of an oversized or too slow body is unread. */
    boolean closeConnection() {
        return closeConnection;
    }

    /**
     * The complete body.
     *
     * @throws ApiFailure 413 when it is larger than allowed; 400 when it could not be read (broken chunked encoding,
     *                    a body shorter than its {@code Content-Length}); 408 when it arrived too slowly
     */
    byte[] body() {
        if (failure != null) {
            throw failure;
        }
        return body;
    }

    private void onContent() {
        if (readAvailable()) {
            Scheduler.Task task = deadline;
            if (task != null) {
                task.cancel();
            }
            then.run();
        } else {
            request.demand(onContent);
        }
    }

    private void take(ByteBuffer data) {
        int length = data.remaining();
        received += length;
        if (!draining && size + length > maxBytes) {
            draining = true;
            discarded = size;
            buffer = null;
            size = 0;
        }
        if (draining) {
            discarded += length;
            data.position(data.limit());
            if (discarded > (discardOnly ? maxBytes : DRAIN_LIMIT)) {
                fail(ApiResultCode.BODY_TOO_LARGE, true);
            }
            return;
        }
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(maxBytes, Math.max(size + length, buffer.length * 2)));
        }
        data.get(buffer, size, length);
        size += length;
    }

    private void finish() {
        if (discardOnly) {
            complete = true;
            return;
        }
        if (draining) {
            fail(ApiResultCode.BODY_TOO_LARGE, false);
            return;
        }
        body = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        buffer = null;
        complete = true;
    }

    private void fail(ApiResultCode code, boolean close) {
        failure = switch (code) {
            case BODY_TOO_LARGE -> new ApiFailure(code, maxBytes);
            case BODY_MALFORMED -> new ApiFailure(code, "it could not be read completely");
            default -> new ApiFailure(code);
        };
        closeConnection = close;
        buffer = null;
        complete = true;
    }

    /** Whether fewer bytes have arrived than the minimum rate asks for by {@code now}, give or take {@code slack}. */
    private boolean isBehind(long now, long slack) {
        return minDataRate > 0 && now - startNanos > allowedNanos(received) + slack;
    }

    /** How long {@code bytes} may take to arrive. */
    private long allowedNanos(long bytes) {
        return GRACE_NANOS + bytes * 1_000_000_000L / minDataRate;
    }

    /**
     * While nothing arrives, a timer checks the rate: a client that stops sending is cut off as well. It allows a
     * further grace period, so that a client still sending gets the 408 from the check on arrival.
     */
    private void scheduleDeadline() {
        if (minDataRate == 0) {
            return;
        }
        long due = startNanos + allowedNanos(received + 1) + GRACE_NANOS;
        long delay = Math.max(due - NanoTime.now(), TimeUnit.MILLISECONDS.toNanos(10));
        deadline = request.getComponents().getScheduler().schedule(this::onDeadline, delay, TimeUnit.NANOSECONDS);
    }

    private void onDeadline() {
        if (complete) {
            return;
        }
        if (isBehind(NanoTime.now(), GRACE_NANOS)) {
            // Closing the connection fails the pending read, which then completes this reader as "too slow".
            cutOff = true;
            request.getConnectionMetaData().getConnection().getEndPoint()
                    .close(new TimeoutException("the request body arrived too slowly"));
        } else {
            scheduleDeadline();
        }
    }
}
