package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds the writer thread inside a write of its own, so that writes submitted meanwhile queue up and are then
 * committed together as one batch when the gate opens.
 */
final class WriterGate implements AutoCloseable {
    private final StoreWriter writer;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    private final ExecutorService holder = Executors.newSingleThreadExecutor();
    private final Future<Object> held;

    private WriterGate(StoreWriter writer) {
        this.writer = writer;
        // its own wait outlasts any write timeout, so a test may hold the writer past the others' deadlines
        this.held = holder.submit(() -> writer.submit("gate", context -> {
            entered.countDown();
            awaitUninterruptibly(open);
            return null;
        }, Duration.ofMinutes(1)));
    }

    /** Closes the gate: returns once the writer thread is held. */
    static WriterGate close(StoreWriter writer) throws InterruptedException {
        WriterGate gate = new WriterGate(writer);
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).as("writer held").isTrue();
        return gate;
    }

    /** Waits until {@code count} writes are queued behind the gate. */
    void awaitQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.queueDepth() < count) {
            assertThat(System.nanoTime()).as("%d writes queued in time", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Opens the gate and waits for the held write to commit. */
    @Override
    public void close() {
        open.countDown();
        try {
            held.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the gate's write committed", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the gate's write did not commit", e);
        } finally {
            holder.shutdown();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
