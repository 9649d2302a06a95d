package io.grantsmith.facade.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grantsmith.core.spi.IssuanceLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Every service's {@link IssuanceBucket}, all at the same configured rate. The directory asks for a service's
 * bucket when it loads the service into its cache and keeps it beside the service, so that a token request
 * reaches its bucket without a lookup; the bucket itself outlives cache reloads here.
 */
public final class IssuanceBuckets {
    private final IssuanceRate rate;
    private final LongSupplier ticker;
    private final Cache<Long, IssuanceBucket> buckets;

    /**
     * @param keep how long an unused bucket is kept; longer than the directory's cache lifetime, so that a service
     *             in use always finds the bucket it had (an idle bucket is full again anyway)
     */
    public IssuanceBuckets(IssuanceRate rate, Duration keep) {
        this(rate, keep, System::nanoTime);
    }

    IssuanceBuckets(IssuanceRate rate, Duration keep, LongSupplier ticker) {
        this.rate = Objects.requireNonNull(rate, "rate");
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(keep).build();
    }

    public IssuanceLimit forService(long serviceId) {
        if (rate.unlimited()) {
            return IssuanceLimit.UNLIMITED;
        }
        return buckets.get(serviceId, id -> new IssuanceBucket(rate, ticker));
    }
}
