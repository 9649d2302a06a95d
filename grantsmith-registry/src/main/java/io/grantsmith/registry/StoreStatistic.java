package io.grantsmith.registry;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One live figure of a store's own machinery (e.g. how many group commits ran), for monitoring.
 *
 * @param name  a dotted metric name, e.g. {@code store.writer.batches}
 * @param value read on demand; cheap and thread-safe
 */
public record StoreStatistic(String name, String description, Kind kind, LongSupplier value) {
    public enum Kind {
        /** Only grows (a count of events). */
        COUNTER,
        /** Goes up and down (a current level). */
        GAUGE
    }

    public StoreStatistic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
