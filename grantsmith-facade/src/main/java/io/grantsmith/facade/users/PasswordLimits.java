package io.grantsmith.facade.users;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on password verification at the built-in authorization server. Each verification costs Argon2id's
 * 19 MiB and about 50 ms of CPU, so without bounds a flood of attempts exhausts memory and CPU, and guessing is
 * unlimited. docs/OPERATIONS.md explains the settings and their trade-offs.
 *
 * @param verifications           how many verifications may run at once; 0 for {@link #automaticVerifications()}
 * @param verificationWait        how long an attempt waits for a free slot before it is refused as busy
 * @param throttle                whether failed attempts are throttled at all
 * @param userFailures            failed attempts per (service, client, username) before each further one waits
 * @param maxBackoff              the longest such wait; it starts at one second and doubles per failure
 * @param clientFailuresPerMinute failed attempts per (service, client) per minute, all of which may come at once
 */
public record PasswordLimits(int verifications, Duration verificationWait, boolean throttle, int userFailures,
        Duration maxBackoff, int clientFailuresPerMinute) {
    public static final PasswordLimits DEFAULTS = new PasswordLimits(0, Duration.ofMillis(200), true, 5,
            Duration.ofSeconds(60), 600);

    /**
     * Keeps verifications in flight to about two fifths of the heap: each holds 19 MiB, so 48 MiB of heap per check
     * leaves room for garbage; the launcher's 96 MiB heap allows two (with the directory caches' quarter of it and
     * the live set of about 22 MiB measured under load, BENCHMARKS § Memory).
     */
    static final long HEAP_PER_VERIFICATION = 48L * 1024 * 1024;

    public PasswordLimits {
        Objects.requireNonNull(verificationWait, "verificationWait");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (verifications < 0 || userFailures < 0 || clientFailuresPerMinute < 1) {
            throw new IllegalArgumentException(
                    "verifications and userFailures must not be negative, clientFailuresPerMinute must be positive");
        }
        if (verificationWait.isNegative() || maxBackoff.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("verificationWait must not be negative, maxBackoff at least 1 s");
        }
    }

    /** The verifications allowed at once: as configured, or one per processor and at most one per 48 MiB of heap. */
    public int effectiveVerifications() {
        return verifications > 0 ? verifications : automaticVerifications();
    }

    static int automaticVerifications() {
        long byHeap = Runtime.getRuntime().maxMemory() / HEAP_PER_VERIFICATION;
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byHeap));
    }
}
