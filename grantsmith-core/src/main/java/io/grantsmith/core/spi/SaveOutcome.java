package io.grantsmith.core.spi;

/** What a store did with new token rows. */
public enum SaveOutcome {
    SAVED,
    /** A token with the same hash exists already (only possible with caller-chosen values); nothing was saved. */
    DUPLICATE
}
