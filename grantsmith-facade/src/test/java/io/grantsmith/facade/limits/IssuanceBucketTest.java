package io.grantsmith.facade.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-service token bucket, on a hand-moved nanosecond ticker. */
class IssuanceBucketTest {
    private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime's origin is arbitrary, even negative

    @Test
    void whenBurstIsSpentThenTheNextPermitWaitsOneInterval() {
        IssuanceBucket bucket = new IssuanceBucket(new IssuanceRate(4, Duration.ofSeconds(1)), now::get);

        for (int i = 0; i < 4; i++) {
            assertThat(bucket.tryAcquire()).as("permit %d of the burst", i).isZero();
        }
        assertThat(bucket.tryAcquire()).isEqualTo(250_000_000L);
        now.addAndGet(249_999_999L);
        assertThat(bucket.tryAcquire()).isEqualTo(1L);
        now.addAndGet(1L);
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isEqualTo(250_000_000L);
    }

    @Test
    void whenBucketIdlesThenItRefillsToOneBurstAndNoMore() {
        IssuanceBucket bucket = new IssuanceBucket(new IssuanceRate(3, Duration.ofSeconds(1)), now::get);
        for (int i = 0; i < 3; i++) {
            bucket.tryAcquire();
        }

        now.addAndGet(Duration.ofHours(1).toNanos());

        int granted = 0;
        while (bucket.tryAcquire() == 0) {
            granted++;
        }
        assertThat(granted).isEqualTo(3);
    }

    @Test
    void whenManyThreadsRaceForTheBurstThenExactlyTheBurstIsGranted() throws InterruptedException {
        IssuanceBucket bucket = new IssuanceBucket(new IssuanceRate(1_000, Duration.ofHours(1)), now::get);
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1_000; i++) {
                    if (bucket.tryAcquire() == 0) {
                        granted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(granted.get()).isEqualTo(1_000);
    }

    @Test
    void whenRateIsUnlimitedThenEveryRequestIsGranted() {
        IssuanceBuckets buckets = new IssuanceBuckets(IssuanceRate.UNLIMITED, Duration.ofMinutes(1), now::get);

        for (int i = 0; i < 100; i++) {
            assertThat(buckets.forService(1).tryAcquire()).isZero();
        }
    }

    @Test
    void whenServiceAsksAgainThenItGetsTheSameBucketAndOtherServicesTheirOwn() {
        IssuanceBuckets buckets = new IssuanceBuckets(new IssuanceRate(1, Duration.ofHours(1)), Duration.ofMinutes(1),
                now::get);

        assertThat(buckets.forService(1).tryAcquire()).isZero();
        assertThat(buckets.forService(1).tryAcquire()).isPositive();
        assertThat(buckets.forService(2).tryAcquire()).isZero();
    }

    @Test
    void whenWaitIsConvertedToRetryAfterThenItIsRoundedUpToWholeSeconds() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofMillis(1_001))).isEqualTo(2);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(3_600))).isEqualTo(3_600);
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo(1);
    }
}
