package io.grantsmith.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks on as many threads, released together once every thread is waiting, so that they contend as
 * hard as the machine allows. Bounded: everything must be done within {@link #TIMEOUT}.
 */
public final class Concurrently {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Concurrently() {
    }

    /** Runs {@code task} on {@code threads} threads at once and returns every result. */
    public static <T> List<T> run(int threads, Callable<T> task) throws Exception {
        return run(Collections.nCopies(threads, task));
    }

    /** Runs each task on its own thread, all released at once, and returns their results in task order. */
    public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            if (!ready.await(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("the threads did not start within " + TIMEOUT);
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(remaining(deadline), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
