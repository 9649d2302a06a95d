package io.grantsmith.facade.limits;

import io.grantsmith.core.spi.IssuanceLimit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One service's token bucket, as the generic cell rate algorithm: a single "theoretical arrival time" that each
 * granted permit pushes one interval further, refused once it runs more than a period ahead of now. It sits on
 * the path of every token request, so it is one compare-and-set on one {@code long}, with no lock and no
 * allocation (docs/BENCHMARKS.md measures it).
 */
final class IssuanceBucket implements IssuanceLimit {
    private final long interval;
    private final long tolerance;
    private final LongSupplier ticker;
    private final AtomicLong theoreticalArrival;

    /** @param ticker monotonic nanoseconds ({@code System::nanoTime}) */
    IssuanceBucket(IssuanceRate rate, LongSupplier ticker) {
        if (rate.unlimited()) {
            throw new IllegalArgumentException("an unlimited rate needs no bucket");
        }
        long period = saturatedNanos(rate);
        this.interval = Math.max(1, period / rate.permits());
        this.tolerance = interval * rate.permits(); // the burst: one period's worth, all at once
        this.ticker = ticker;
        this.theoreticalArrival = new AtomicLong(ticker.getAsLong());
    }

    @Override
    public long tryAcquire() {
        long now = ticker.getAsLong();
        while (true) {
            long arrival = theoreticalArrival.get();
            // relative to now, so that the arithmetic holds wherever nanoTime's origin lies
            long ahead = Math.max(arrival - now, 0) + interval;
            if (ahead > tolerance) {
                return ahead - tolerance;
            }
            if (theoreticalArrival.compareAndSet(arrival, now + ahead)) {
                return 0;
            }
        }
    }

    /** The period in nanoseconds, capped so that {@code interval * permits} cannot overflow (292 years). */
    private static long saturatedNanos(IssuanceRate rate) {
        long max = Long.MAX_VALUE / 4;
        return rate.period().compareTo(Duration.ofNanos(max)) > 0 ? max : rate.period().toNanos();
    }
}
