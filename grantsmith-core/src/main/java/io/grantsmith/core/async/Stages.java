package io.grantsmith.core.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The few helpers the asynchronous token path needs around {@link CompletionStage}: run blocking code as a completed
 * stage, see the failure a stage carries without its {@link CompletionException} wrapper, and wait for a stage where a
 * caller wants the blocking API.
 */
public final class Stages {
    private Stages() {
    }

    /** The value of {@code work}, run now on this thread, as a completed stage; its exception as a failed one. */
    public static <T> CompletableFuture<T> of(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The failure itself, without the wrappers dependent stages put around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Waits for {@code stage} and returns its value, or throws the exception it failed with as it was thrown (a
     * checked one wrapped in a {@link CompletionException}).
     */
    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException wrapped) {
            Throwable cause = unwrap(wrapped);
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw wrapped;
        }
    }
}
