package io.grantsmith.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open the SQLite store. Start from {@link #defaults(Path, SealingKey)} and change what needs changing.
 *
 * @param file          the database file; missing parent directories are created
 * @param sealingKey    the key that seals client secrets at rest
 * @param readPoolSize  read connections beside the single writer (default {@value #DEFAULT_READ_POOL_SIZE})
 * @param maxBatch      most writes committed in one group transaction (default {@value #DEFAULT_MAX_BATCH})
 * @param queueCapacity writes that may wait for the writer before submitters block (default
 *                      {@value #DEFAULT_QUEUE_CAPACITY})
 * @param busyTimeout   how long a connection waits for a lock another process holds, e.g. the CLI (default 5 s)
 * @param writeTimeout  how long a write may wait for its commit, queue included (default 5 s); then its caller
 *                      gets a {@link io.grantsmith.core.spi.StoreException} and the store reports itself not ready
 *                      while the writer stays stuck. A write still queued then is withdrawn; one already running may
 *                      still commit.
 */
public record SqliteSettings(Path file, SealingKey sealingKey, int readPoolSize, int maxBatch, int queueCapacity,
        Duration busyTimeout, Duration writeTimeout) {
    public static final int DEFAULT_READ_POOL_SIZE = 4;
    public static final int DEFAULT_MAX_BATCH = 256;
    public static final int DEFAULT_QUEUE_CAPACITY = 4096;
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);

    public SqliteSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sealingKey, "sealingKey");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        requirePositive(readPoolSize, "readPoolSize");
        requirePositive(maxBatch, "maxBatch");
        requirePositive(queueCapacity, "queueCapacity");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout is out of range");
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero() || writeTimeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("writeTimeout must be positive and at most a day");
        }
    }

    /** The defaults listed above for this file and key. */
    public static SqliteSettings defaults(Path file, SealingKey sealingKey) {
        return new SqliteSettings(file, sealingKey, DEFAULT_READ_POOL_SIZE, DEFAULT_MAX_BATCH, DEFAULT_QUEUE_CAPACITY,
                DEFAULT_BUSY_TIMEOUT, DEFAULT_WRITE_TIMEOUT);
    }

    public SqliteSettings withReadPoolSize(int value) {
        return new SqliteSettings(file, sealingKey, value, maxBatch, queueCapacity, busyTimeout, writeTimeout);
    }

    public SqliteSettings withMaxBatch(int value) {
        return new SqliteSettings(file, sealingKey, readPoolSize, value, queueCapacity, busyTimeout, writeTimeout);
    }

    public SqliteSettings withQueueCapacity(int value) {
        return new SqliteSettings(file, sealingKey, readPoolSize, maxBatch, value, busyTimeout, writeTimeout);
    }

    public SqliteSettings withBusyTimeout(Duration value) {
        return new SqliteSettings(file, sealingKey, readPoolSize, maxBatch, queueCapacity, value, writeTimeout);
    }

    public SqliteSettings withWriteTimeout(Duration value) {
        return new SqliteSettings(file, sealingKey, readPoolSize, maxBatch, queueCapacity, busyTimeout, value);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }
}
