import io.grantsmith.core.spi.IssuanceLimit;
import io.grantsmith.facade.limits.IssuanceBuckets;
import io.grantsmith.facade.limits.IssuanceRate;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What the per-service issuance limit costs a token request: nanoseconds and bytes allocated per
 * {@code tryAcquire}, next to {@code System.nanoTime()} alone, on one thread and on two threads sharing one
 * service's bucket. A quick loop, not JMH: read the order of magnitude. Run from the repository root after
 * {@code mvn -q -pl grantsmith-facade -am compile}:
 *
 * <pre>
 * java -cp grantsmith-facade/target/classes:grantsmith-core/target/classes:$(ls ~/.m2/repository/com/github/ben-manes/caffeine/caffeine/3.3.1/*.jar) bench/IssuanceBucketBench.java
 * </pre>
 */
public class IssuanceBucketBench {
    private static final int N = 50_000_000;
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        // a rate nothing reaches, like the default: every call takes the granted path (one compare-and-set)
        IssuanceLimit limit = new IssuanceBuckets(IssuanceRate.perSecond(1_000_000_000L), Duration.ofMinutes(1))
                .forService(1);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (int warm = 0; warm < 5; warm++) {
            acquire(limit, N / 2);
            clock(N / 2);
        }

        long allocated = threads.getThreadAllocatedBytes(self);
        long start = System.nanoTime();
        acquire(limit, N);
        long acquireNanos = System.nanoTime() - start;
        allocated = threads.getThreadAllocatedBytes(self) - allocated;

        start = System.nanoTime();
        clock(N);
        long clockNanos = System.nanoTime() - start;

        Thread[] pair = {new Thread(() -> acquire(limit, N / 2)), new Thread(() -> acquire(limit, N / 2))};
        start = System.nanoTime();
        for (Thread thread : pair) {
            thread.start();
        }
        for (Thread thread : pair) {
            thread.join();
        }
        long sharedNanos = System.nanoTime() - start;

        System.out.printf("tryAcquire, 1 thread:           %6.1f ns/op, %.4f bytes/op%n", acquireNanos / (double) N,
                allocated / (double) N);
        System.out.printf("System.nanoTime() alone:        %6.1f ns/op%n", clockNanos / (double) N);
        System.out.printf("tryAcquire, 2 threads, 1 bucket: %5.1f ns/op (wall time / all operations)%n",
                sharedNanos / (double) N);
    }

    private static void acquire(IssuanceLimit limit, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += limit.tryAcquire();
        }
        sink = sum;
    }

    private static void clock(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += System.nanoTime();
        }
        sink = sum;
    }
}
