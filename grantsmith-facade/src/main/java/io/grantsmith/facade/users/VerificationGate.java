package io.grantsmith.facade.users;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many password verifications run at once, so that a flood of attempts costs at most that many times
 * Argon2id's memory and CPU: the rest wait briefly, in arrival order, and are then turned away instead of queueing
 * until the heap or the worker threads run out (which also starved {@code /health} and the store's writer).
 */
final class VerificationGate {
    /** What a turned-away attempt is told: verifications take tens of milliseconds, so a second is plenty. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore slots;
    private final long waitNanos;

    VerificationGate(int slots, Duration wait) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one verification slot is needed");
        }
        this.slots = new Semaphore(slots, true);
        this.waitNanos = wait.toNanos();
    }

    /** Takes a slot, waiting at most the configured time; false when none became free. */
    boolean enter() {
        try {
            return slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a slot taken by {@link #enter()}. */
    void leave() {
        slots.release();
    }
}
