package io.grantsmith.server.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request line and headers take longer than the header timeout to arrive. Jetty's idle
 * timeout alone starts over with every byte, so a client sending a header one byte at a time would keep its
 * connection for hours; Jetty 12 has no header timeout of its own. Parsing headers holds no thread, so a periodic
 * sweep over the open connections is enough: it looks at each HTTP/1.1 parser that is inside a request's headers
 * and at when that request's first byte arrived.
 *
 * <p>The sweep reads parser state that the connection's own thread writes, without synchronisation; a stale read
 * can only delay a close to the next sweep, or close a request whose headers took nearly the whole timeout anyway.
 */
final class HeaderTimeout extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeout.class);

    private final AbstractConnector connector;
    private final long timeoutNanos;
    private final long periodMillis;
    private volatile Scheduler.Task task;

    HeaderTimeout(AbstractConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
        // a quarter of the timeout, so that a connection is closed at most a quarter late; between 0.1 and 1 s
        this.periodMillis = Math.max(100, Math.min(1000, timeout.toMillis() / 4));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        schedule();
    }

    @Override
    protected void doStop() throws Exception {
        Scheduler.Task scheduled = task;
        if (scheduled != null) {
            scheduled.cancel();
        }
        super.doStop();
    }

    private void schedule() {
        task = connector.getScheduler().schedule(this::sweep, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (endPoint.getConnection() instanceof HttpConnection http && isOverdue(http.getParser())) {
                    LOG.debug("closing {}: its request headers took longer than the header timeout", endPoint);
                    endPoint.close(new TimeoutException("the request headers arrived too slowly"));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the header timeout sweep failed", e);
        } finally {
            if (isRunning()) {
                schedule();
            }
        }
    }

    private boolean isOverdue(HttpParser parser) {
        long begin = parser.getBeginNanoTime();
        return begin != 0 && !parser.isStart() && parser.inHeaderState() && NanoTime.since(begin) > timeoutNanos;
    }
}
