package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When a group writer lingers and what ends it. No assertion depends on how fast the machine is: a linger that must
 * end is given a bound of a minute and must end by its other cause within seconds, and one that must go on is only
 * checked to be still going (which a slow machine cannot make false).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchLingerTest {
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final int FULL = 4;

    private final WriteQueue<String> queue = new WriteQueue<>(64);
    /** The writer threads that gather. */
    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        System.clearProperty(BatchLinger.PROPERTY);
        writers.shutdownNow();
    }

    @Test
    void itIsWorthWaitingOnlyWithSeveralWritersAnotherBatchInFlightAndRoomInTheBatch() {
        assertThat(BatchLinger.worthWaiting(2, 1, FULL, 1)).isTrue();
        assertThat(BatchLinger.worthWaiting(4, FULL - 1, FULL, 3)).isTrue();
        assertThat(BatchLinger.worthWaiting(1, 1, FULL, 1)).as("one writer").isFalse();
        assertThat(BatchLinger.worthWaiting(2, 1, FULL, 0)).as("the only one busy").isFalse();
        assertThat(BatchLinger.worthWaiting(2, FULL, FULL, 1)).as("a full batch").isFalse();
    }

    @Test
    void theBoundIsAMillisecondByDefaultAndTheSystemPropertySetsItInMicroseconds() {
        assertThat(BatchLinger.configuredBound()).isEqualTo(Duration.ofMillis(1));
        System.setProperty(BatchLinger.PROPERTY, "250");
        assertThat(BatchLinger.configuredBound()).isEqualTo(Duration.ofNanos(250_000));
        System.setProperty(BatchLinger.PROPERTY, "0");
        assertThat(BatchLinger.configuredBound()).isZero();
    }

    @Test
    void aBoundThatIsNotAWholeNumberOfMicrosecondsIsRefusedNamingTheProperty() {
        for (String bad : List.of("-1", "1ms", "0.5")) {
            System.setProperty(BatchLinger.PROPERTY, bad);
            assertThatThrownBy(BatchLinger::configuredBound).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(BatchLinger.PROPERTY).hasMessageContaining(bad);
        }
    }

    @Test
    void whenNotWorthWaitingThenTheBatchIsLeftAsItIsAndTheQueueUntouched() throws Exception {
        BatchLinger oneWriter = new BatchLinger(LONG, 1, FULL);
        oneWriter.batchStarted();
        BatchLinger nothingInFlight = new BatchLinger(LONG, 2, FULL);
        BatchLinger off = new BatchLinger(Duration.ZERO, 2, FULL);
        off.batchStarted();
        offer("queued");

        for (BatchLinger linger : List.of(oneWriter, nothingInFlight, off)) {
            List<String> batch = batchOf("taken");
            linger.gather(batch, queue);
            assertThat(batch).containsExactly("taken");
        }
        assertThat(queue.count()).isEqualTo(1);
    }

    @Test
    void whileAnotherBatchIsInFlightTheWriterWaitsAndTakesTheWritesQueuedUntilThatBatchEnds() throws Exception {
        BatchLinger linger = new BatchLinger(LONG, 2, FULL);
        linger.batchStarted();
        List<String> batch = batchOf("taken");
        CompletableFuture<Void> gathered = CompletableFuture.runAsync(() -> linger.gather(batch, queue), writers);
        offer("second");
        linger.queued(queue);
        Thread.sleep(50);
        assertThat(gathered).as("still lingering: the other batch is in flight, the batch not full").isNotDone();

        linger.batchEnded();

        gathered.get(10, TimeUnit.SECONDS);
        assertThat(batch).containsExactly("taken", "second");
    }

    @Test
    void whenTheQueuedWritesFillTheBatchTheWriterStopsWaiting() throws Exception {
        BatchLinger linger = new BatchLinger(LONG, 2, FULL);
        linger.batchStarted(); // and never ends
        List<String> batch = batchOf("taken");
        CompletableFuture<Void> gathered = CompletableFuture.runAsync(() -> linger.gather(batch, queue), writers);
        for (int i = 1; i <= FULL; i++) {
            offer("w" + i);
            linger.queued(queue);
        }

        gathered.get(10, TimeUnit.SECONDS);
        assertThat(batch).containsExactly("taken", "w1", "w2", "w3");
        assertThat(queue.count()).as("left for the next batch").isEqualTo(1);
    }

    @Test
    void whenTheBoundPassesTheWriterStopsWaitingThoughTheOtherBatchIsStillInFlight() throws Exception {
        BatchLinger linger = new BatchLinger(Duration.ofMillis(1), 2, FULL);
        linger.batchStarted(); // and never ends
        List<String> batch = batchOf("taken");

        CompletableFuture.runAsync(() -> linger.gather(batch, queue), writers).get(10, TimeUnit.SECONDS);

        assertThat(batch).containsExactly("taken");
    }

    @Test
    void whileOneWriterLingersAnotherSendsItsBatchAtOnce() throws Exception {
        BatchLinger linger = new BatchLinger(LONG, 3, FULL);
        linger.batchStarted();
        List<String> first = batchOf("first");
        CompletableFuture<Void> lingering = CompletableFuture.runAsync(() -> linger.gather(first, queue), writers);
        awaitLingering(linger);

        List<String> second = batchOf("second");
        CompletableFuture.runAsync(() -> linger.gather(second, queue), writers).get(10, TimeUnit.SECONDS);

        assertThat(second).containsExactly("second");
        assertThat(lingering).isNotDone();
        linger.batchEnded();
        lingering.get(10, TimeUnit.SECONDS);
    }

    private void offer(String item) throws InterruptedException {
        assertThat(queue.offer(item, 1, TimeUnit.SECONDS)).isTrue();
    }

    private static List<String> batchOf(String first) {
        List<String> batch = new ArrayList<>();
        batch.add(first);
        return batch;
    }

    private static void awaitLingering(BatchLinger linger) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!linger.isLingering()) {
            assertThat(System.nanoTime()).as("lingering in time").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
