package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link WriteDeadlines} survives an expiry that throws: later overdue writes are still expired. */
class WriteDeadlinesTest {
    @Test
    void whenExpiringOneWriteThrowsThenTheOthersAreStillExpiredAndTheSweepGoesOn() {
        List<String> expired = new CopyOnWriteArrayList<>();
        WriteDeadlines<String> deadlines = new WriteDeadlines<>("test-deadlines", write -> false, write -> {
            if (write.startsWith("broken")) {
                throw new IllegalStateException("cannot expire " + write);
            }
            expired.add(write);
        });
        // an hour ahead: the deadlines' own thread, sweeping at the real time meanwhile, finds nothing overdue
        long base = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        try {
            deadlines.watch("broken-1", base);
            deadlines.watch("first", base);
            deadlines.watch("later", base + 100);

            deadlines.sweep(base + 50);
            assertThat(expired).containsExactly("first");

            deadlines.watch("broken-2", base + 100);
            deadlines.watch("last", base + 100);
            deadlines.sweep(base + 200);
            assertThat(expired).containsExactly("first", "later", "last");
        } finally {
            deadlines.close();
        }
    }
}
