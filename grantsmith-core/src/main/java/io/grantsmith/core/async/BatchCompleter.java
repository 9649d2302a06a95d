package io.grantsmith.core.async;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One thread that completes the stages of a store writer's committed batches, so that the writer never runs what
 * depends on them. The writer hands over a whole batch's completions at once ({@link #handOff}: one queue operation
 * and at most one wake-up per batch, not per write) and goes on to its next commit; this thread then completes each
 * stage, which runs its dependent actions here: the token path's steps after the commit and, at the HTTP edge, the
 * response (see {@link #isCurrentThread}). Whatever those actions cost, or however long one of them takes, holds up
 * later answers but never the next commit.
 *
 * <p>Completions run in the order they were handed over. One that throws (even an {@link Error}) goes to the
 * thread's uncaught-exception handler (the server's logs it) and the others still run.
 */
public final class BatchCompleter implements AutoCloseable {
    /** The last element of the queue after {@link #close}; compared by identity. */
    private final List<Runnable> stop = new ArrayList<>(0);
    /**
     * Unbounded: what is handed over was already admitted (the writer's queue, and the HTTP edge's cap on requests in
     * process, bound it); refusing it here would lose the answer to a committed write.
     */
    private final LinkedBlockingQueue<List<Runnable>> batches = new LinkedBlockingQueue<>();
    private final Worker thread;

    /** Starts the completion thread, named {@code name} (a daemon: a forgotten close() must not keep the JVM up). */
    public BatchCompleter(String name) {
        thread = new Worker(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether this thread is a completion thread, on which a stage's dependent action may do short, non-blocking
     * work such as building and writing a response: it holds up no commit. The HTTP edge answers right here then,
     * and hops to its own pool from any other thread that completes a stage (a writer, a timer).
     */
    public static boolean isCurrentThread() {
        return Thread.currentThread() instanceof Worker;
    }

    /** Whether the calling thread is this completer's own. */
    public boolean isItsThread() {
        return Thread.currentThread() == thread;
    }

    /** Whether the completion thread runs (until {@link #close}). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Queues a batch's completions, to run on the completion thread in this order. Empty lists are ignored. */
    public void handOff(List<Runnable> completions) {
        if (!completions.isEmpty()) {
            batches.add(completions);
        }
    }

    /**
     * Runs everything handed over before this call, then stops the thread; waits for it unless called from it.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        batches.add(stop);
        if (isItsThread()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            List<Runnable> batch;
            try {
                batch = batches.take();
            } catch (InterruptedException e) {
                continue; // nobody should interrupt it: close() stops it through the queue
            }
            if (batch == stop) {
                return;
            }
            for (Runnable completion : batch) {
                try {
                    completion.run();
                } catch (Throwable e) {
                    // A stage's dependent actions cannot throw through complete(): this is a bug in a completion.
                    // Even an Error (an assertion, a stack overflow) must not end the thread: every later answer of
                    // a committed write would be lost with it.
                    report(e);
                }
            }
        }
    }

    private void report(Throwable failure) {
        try {
            thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
        } catch (Throwable ignored) {
            // the handler failed too; the next completion still runs
        }
    }

    /** The completion thread's class: what {@link #isCurrentThread} recognizes. */
    private static final class Worker extends Thread {
        Worker(Runnable run, String name) {
            super(run, name);
        }
    }
}
