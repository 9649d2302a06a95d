package io.grantsmith.store.jdbc;

import io.grantsmith.core.log.RepeatedFailures;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the write timeout of asynchronous writes, whose callers do not wait on a thread: one daemon thread looks
 * every {@link #SWEEP_NANOS} at the oldest writes and expires those whose deadline passed. All asynchronous writes
 * share the writer's timeout, so they are watched in submission order, which is deadline order: a sweep stops at the
 * first write still within its time, and a write costs one lock-free enqueue and one dequeue, not a timer each.
 *
 * @param <W> the watched write
 */
final class WriteDeadlines<W> {
    private static final Logger LOG = LoggerFactory.getLogger(WriteDeadlines.class);
    /** How late past its deadline a write may be expired: small beside any write timeout worth configuring. */
    static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private record Watched<W>(W write, long deadline) {
    }

    private final ConcurrentLinkedQueue<Watched<W>> watched = new ConcurrentLinkedQueue<>();
    private final Predicate<W> isDone;
    private final Consumer<W> expire;
    private final Thread thread;
    private volatile boolean stopped;
    private final RepeatedFailures failures = RepeatedFailures.perMinute();

    /**
     * @param isDone whether a write has its outcome already (it is then forgotten)
     * @param expire fails a write whose deadline passed; it must tolerate a write completed meanwhile
     */
    WriteDeadlines(String threadName, Predicate<W> isDone, Consumer<W> expire) {
        this.isDone = isDone;
        this.expire = expire;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches {@code write} until it is done or {@code deadline} ({@code System.nanoTime()}) has passed. */
    void watch(W write, long deadline) {
        watched.add(new Watched<>(write, deadline));
    }

    /** Expires every write still watched (the writer is gone) and stops the thread. */
    void close() {
        stopped = true;
        LockSupport.unpark(thread);
        for (Watched<W> left = watched.poll(); left != null; left = watched.poll()) {
            expireUnlessDone(left.write());
        }
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, SWEEP_NANOS);
            sweep(System.nanoTime());
        }
    }

    /** Forgets the done writes at the head and expires the overdue ones, up to the first still within its time. */
    void sweep(long now) {
        for (Watched<W> head = watched.peek(); head != null; head = watched.peek()) {
            if (now - head.deadline() < 0 && !isDoneOrBroken(head.write())) {
                return;
            }
            watched.poll();
            expireUnlessDone(head.write());
        }
    }

    /**
     * Expires {@code write} unless it is done. A failure here is logged (once a minute per kind) and the write
     * forgotten: it must not end the thread, or no asynchronous write would ever time out again.
     */
    private void expireUnlessDone(W write) {
        try {
            if (!isDone.test(write)) {
                expire.accept(write);
            }
        } catch (Throwable failure) {
            logFailure(failure);
        }
    }

    /** Whether the write is done; a write whose state cannot be read counts as done, so that it cannot block. */
    private boolean isDoneOrBroken(W write) {
        try {
            return isDone.test(write);
        } catch (Throwable failure) {
            return true;
        }
    }

    private void logFailure(Throwable failure) {
        try {
            failures.record(RepeatedFailures.signatureOf(failure)).ifPresent(unlogged -> LOG.error(
                    "failed to expire an overdue write{}",
                    unlogged == 0 ? "" : " (" + unlogged + " more like it since it was last logged)", failure));
        } catch (Throwable unloggable) {
            // the sweep goes on all the same
        }
    }
}
