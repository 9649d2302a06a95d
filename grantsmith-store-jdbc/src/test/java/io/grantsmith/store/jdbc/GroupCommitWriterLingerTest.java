package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two group writers with and without the linger ({@link BatchLinger}), on fake PostgreSQL connections whose first
 * COMMIT is held until the test lets it go: the writes that arrive while that batch is in flight are committed by the
 * other writer at once without the linger, and held for that batch's end with it, then sent together.
 *
 * <p>Deterministic on purpose: an earlier version compared batch counts of two timed loads (16 callers, a 3 ms
 * COMMIT) and failed on a quiet CI machine (174 batches with the linger against 132 without), because how writes
 * spread over batches in a closed loop depends on the machine's speed. What the linger promises is the mechanism
 * asserted here; what it gains is measured in bench/ (docs/BENCHMARKS.md, "The group writers' linger").
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitWriterLingerTest {
    private static final int LATE_WRITES = 5;
    /** Long, so that what ends a linger here is the other batch's end, never the clock. */
    private static final Duration LONG_LINGER = Duration.ofSeconds(30);

    private final CountDownLatch firstCommitEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirstCommit = new CountDownLatch(1);
    private final AtomicBoolean firstCommitTaken = new AtomicBoolean();

    @Test
    void withoutTheLingerTheOtherWriterCommitsLateWritesWhileTheFirstBatchIsInFlight() throws Exception {
        GroupCommitWriter writer = start(Duration.ZERO);
        try {
            CompletableFuture<Integer> first = firstWriteHeldInCommit(writer);
            List<CompletableFuture<Integer>> late = submitLateWrites(writer);

            CompletableFuture.allOf(late.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(first).as("the first batch is still held in its COMMIT").isNotDone();

            releaseFirstCommit.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS)).isZero();
        } finally {
            releaseFirstCommit.countDown();
            writer.close();
        }
    }

    @Test
    void withTheLingerLateWritesWaitForTheBatchInFlightThenGoTogether() throws Exception {
        GroupCommitWriter writer = start(LONG_LINGER);
        try {
            CompletableFuture<Integer> first = firstWriteHeldInCommit(writer);
            List<CompletableFuture<Integer>> late = submitLateWrites(writer);

            // Negative, but not timing-fragile: nothing but the first batch's end can release them before 30 s.
            Thread.sleep(300);
            assertThat(late).as("late writes while the first batch is in flight").noneMatch(CompletableFuture::isDone);
            assertThat(writer.batchesCommitted()).isZero();

            releaseFirstCommit.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS)).isZero();
            CompletableFuture.allOf(late.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(writer.opsCommitted()).isEqualTo(1 + LATE_WRITES);
            // The lingering writer sends what it gathered when the first batch ends; the other writer, free again,
            // may take the writes the lingering one had not drained yet, so at most two batches for the late writes.
            assertThat(writer.batchesCommitted()).isBetween(2L, 3L);
        } finally {
            releaseFirstCommit.countDown();
            writer.close();
        }
    }

    private GroupCommitWriter start(Duration linger) {
        return GroupCommitWriter.start(null, this::connection, TransactionSql.postgres(), Dialect.POSTGRESQL, 64, 1024,
                Duration.ofSeconds(30), 2, linger);
    }

    /** A write whose batch's COMMIT is held (by one writer) until {@link #releaseFirstCommit}. */
    private CompletableFuture<Integer> firstWriteHeldInCommit(GroupCommitWriter writer) throws InterruptedException {
        CompletableFuture<Integer> first = writer.submitAsync("first", context -> 0).toCompletableFuture();
        assertThat(firstCommitEntered.await(20, TimeUnit.SECONDS)).as("the first batch reached its COMMIT").isTrue();
        return first;
    }

    private static List<CompletableFuture<Integer>> submitLateWrites(GroupCommitWriter writer) {
        List<CompletableFuture<Integer>> late = new ArrayList<>();
        for (int i = 1; i <= LATE_WRITES; i++) {
            int value = i;
            late.add(writer.submitAsync("late", context -> value).toCompletableFuture());
        }
        return late;
    }

    /** A connection whose statements do nothing, except the first COMMIT of all, which waits for the test. */
    private Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> statement((String) args[0]);
                    case "createStatement" -> statement("");
                    case "isValid" -> true;
                    case "getNetworkTimeout" -> 0;
                    default -> null;
                });
    }

    private Object statement(String sql) {
        Class<?> type = sql.isEmpty() ? Statement.class : PreparedStatement.class;
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && sql.equals("COMMIT") && firstCommitTaken.compareAndSet(false,
                    true)) {
                firstCommitEntered.countDown();
                releaseFirstCommit.await();
            }
            return switch (method.getName()) {
                case "executeUpdate" -> 0;
                case "execute" -> false;
                default -> null;
            };
        });
    }
}
