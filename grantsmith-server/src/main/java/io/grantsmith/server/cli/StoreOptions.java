package io.grantsmith.server.cli;

import java.time.Duration;

/**
 * Settings of the store that the command line can change.
 *
 * @param writeTimeout how long a request waits for its write to commit before it fails
 */
public record StoreOptions(Duration writeTimeout) {
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);

    /** What offline commands use. */
    public static StoreOptions defaults() {
        return new StoreOptions(DEFAULT_WRITE_TIMEOUT);
    }
}
