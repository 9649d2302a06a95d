package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two group writers under a concurrent load, with and without the linger ({@link BatchLinger}), on fake PostgreSQL
 * connections whose COMMIT takes a few milliseconds, as a round trip to a busy server does, and callers that work a
 * millisecond between writes, so that writes arrive spread out as requests' do: with the linger the same writes
 * commit in fewer, larger transactions (about 90 against 125 of 640 on a 2-core machine; without it, the idle writer
 * takes each write as it arrives). The linger's bound is long (a second), so that what ends each linger is
 * the other writer's commit or a full batch, not the machine's speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GroupCommitWriterLingerTest {
    private static final int CALLERS = 16;
    private static final int WRITES_EACH = 40;
    private static final long COMMIT_MILLIS = 3;
    private static final long THINK_MILLIS = 1;

    @Test
    void twoWritersUnderLoadCommitFewerLargerBatchesWithTheLingerThanWithout() throws Exception {
        Counts off = load(Duration.ZERO);
        Counts on = load(Duration.ofSeconds(1));

        assertThat(off.writes()).isEqualTo(CALLERS * WRITES_EACH);
        assertThat(on.writes()).isEqualTo(CALLERS * WRITES_EACH);
        assertThat(on.batches()).as("batches with the linger (%s) against without (%s)", on, off)
                .isLessThan(off.batches());
        assertThat(on.meanBatch()).isGreaterThan(off.meanBatch());
    }

    /** CALLERS threads each submit WRITES_EACH blocking writes, one after the other, to two writers. */
    private static Counts load(Duration linger) throws Exception {
        GroupCommitWriter writer = GroupCommitWriter.start(null, GroupCommitWriterLingerTest::slowCommits,
                TransactionSql.postgres(), Dialect.POSTGRESQL, 64, 1024, Duration.ofSeconds(30), 2, linger);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                done.add(callers.submit(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        writer.submit("write", context -> 1);
                        Thread.sleep(THINK_MILLIS); // the rest of a request's work: the callers' writes arrive spread out
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get(60, TimeUnit.SECONDS);
            }
            return new Counts(writer.batchesCommitted(), writer.opsCommitted());
        } finally {
            callers.shutdownNow();
            writer.close();
        }
    }

    /** A connection whose statements do nothing, except COMMIT, which takes {@link #COMMIT_MILLIS}. */
    private static Connection slowCommits() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> statement((String) args[0]);
                    case "createStatement" -> statement("");
                    case "isValid" -> true;
                    case "getNetworkTimeout" -> 0;
                    default -> null;
                });
    }

    private static Object statement(String sql) {
        Class<?> type = sql.isEmpty() ? Statement.class : PreparedStatement.class;
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && sql.equals("COMMIT")) {
                Thread.sleep(COMMIT_MILLIS);
            }
            return switch (method.getName()) {
                case "executeUpdate" -> 0;
                case "execute" -> false;
                default -> null;
            };
        });
    }

    private record Counts(long batches, long writes) {
        double meanBatch() {
            return (double) writes / batches;
        }
    }
}
