package io.grantsmith.core.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The completion thread a store writer hands its batches to: it runs a batch's completions in order on its own
 * thread (the one {@link BatchCompleter#isCurrentThread} recognizes), goes on after one that throws, and runs
 * everything handed over before {@link BatchCompleter#close}.
 */
class BatchCompleterTest {
    private final BatchCompleter completer = new BatchCompleter("test-completions");

    @AfterEach
    void stop() {
        completer.close();
    }

    @Test
    void whenABatchIsHandedOverThenItsCompletionsRunInOrderOnTheCompletionThread() throws Exception {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Boolean> onCompletionThread = new CompletableFuture<>();

        completer.handOff(List.of(() -> ran.add("first"), () -> ran.add("second"),
                () -> onCompletionThread.complete(BatchCompleter.isCurrentThread() && completer.isItsThread())));

        assertThat(onCompletionThread.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first", "second");
        assertThat(BatchCompleter.isCurrentThread()).as("the test's own thread is none").isFalse();
        assertThat(completer.isItsThread()).isFalse();
    }

    @Test
    void whenACompletionThrowsThenTheRestOfItsBatchAndLaterBatchesStillRun() throws Exception {
        CompletableFuture<String> sameBatch = new CompletableFuture<>();
        CompletableFuture<String> nextBatch = new CompletableFuture<>();
        Thread.UncaughtExceptionHandler quiet = (thread, failure) -> { };
        completer.handOff(List.of(() -> Thread.currentThread().setUncaughtExceptionHandler(quiet)));

        completer.handOff(List.of(() -> {
            throw new IllegalStateException("a broken completion");
        }, () -> sameBatch.complete("ran")));
        completer.handOff(List.of(() -> nextBatch.complete("ran")));

        assertThat(sameBatch.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(nextBatch.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
    }

    @Test
    void whenACompletionThrowsAnErrorThenTheThreadReportsItAndGoesOn() throws Exception {
        List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> sameBatch = new CompletableFuture<>();
        CompletableFuture<String> nextBatch = new CompletableFuture<>();
        completer.handOff(List.of(() -> Thread.currentThread().setUncaughtExceptionHandler(
                (thread, failure) -> reported.add(failure))));

        completer.handOff(List.of(() -> {
            throw new AssertionError("a broken completion");
        }, () -> sameBatch.complete("ran")));
        completer.handOff(List.of(() -> nextBatch.complete("ran")));

        assertThat(sameBatch.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(nextBatch.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(reported).singleElement().isInstanceOf(AssertionError.class);
        assertThat(completer.isRunning()).isTrue();
    }

    @Test
    void whenClosedThenEverythingHandedOverBeforeHasRun() {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 100; i++) {
            int n = i;
            completer.handOff(List.of(() -> ran.add(n)));
        }

        completer.close();

        assertThat(ran).hasSize(100).isSorted();
    }
}
