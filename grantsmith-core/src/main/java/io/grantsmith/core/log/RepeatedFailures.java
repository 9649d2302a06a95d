package io.grantsmith.core.log;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Decides which occurrences of a repeated failure deserve a log line, so that a failure that strikes every request
 * (a full disk) writes one line per kind and window instead of one per request, onto the very disk that is full.
 * The first occurrence of a failure is logged; identical ones (same {@linkplain #signatureOf signature}) in the
 * window after that line are only counted, and the first one after the window is logged with that count. The
 * caller logs; this class only decides and counts. Thread-safe. It remembers the {@value #MAX_SIGNATURES} most
 * recently seen signatures; the counts of older ones are forgotten.
 */
public final class RepeatedFailures {
    /** How long identical failures are only counted after one was logged. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    static final int MAX_SIGNATURES = 64;
    private static final int MAX_CAUSES = 8;
    private static final int MAX_MESSAGE = 200;

    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Run> runs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
            return size() > MAX_SIGNATURES;
        }
    };

    public RepeatedFailures(Duration window, LongSupplier nanoTime) {
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** With the {@link #DEFAULT_WINDOW} and the system's clock. */
    public static RepeatedFailures perMinute() {
        return new RepeatedFailures(DEFAULT_WINDOW, System::nanoTime);
    }

    /**
     * Records one occurrence of the failure {@code signature}. Returns how many identical occurrences went unlogged
     * since its last line when this one should be logged (0 the first time), or empty when it should only be
     * counted.
     */
    public synchronized OptionalLong record(String signature) {
        long now = nanoTime.getAsLong();
        Run run = runs.get(signature);
        if (run == null) {
            runs.put(signature, new Run(now));
            return OptionalLong.of(0);
        }
        if (now - run.loggedAt < windowNanos) {
            run.unlogged++;
            return OptionalLong.empty();
        }
        long unlogged = run.unlogged;
        run.loggedAt = now;
        run.unlogged = 0;
        return OptionalLong.of(unlogged);
    }

    /**
     * For a caller that knows the failures have ended (the store's writer after a commit): forgets every
     * signature and returns the number of occurrences that went unlogged for each that has some.
     */
    public synchronized Map<String, Long> drain() {
        Map<String, Long> unlogged = new LinkedHashMap<>();
        runs.forEach((signature, run) -> {
            if (run.unlogged > 0) {
                unlogged.put(signature, run.unlogged);
            }
        });
        runs.clear();
        return unlogged;
    }

    /**
     * What makes two failures "identical": the class and message of the failure and of each of its causes. The
     * stack is left out, so one failure reached through different calls counts as one.
     */
    public static String signatureOf(Throwable failure) {
        StringBuilder signature = new StringBuilder();
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (depth > 0) {
                signature.append(" <- ");
            }
            signature.append(cause.getClass().getName());
            String message = cause.getMessage();
            if (message != null) {
                signature.append(": ").append(message, 0, Math.min(message.length(), MAX_MESSAGE));
            }
        }
        return signature.toString();
    }

    /** One signature: when it was last logged and how many occurrences have only been counted since. */
    private static final class Run {
        long loggedAt;
        long unlogged;

        Run(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }
}
