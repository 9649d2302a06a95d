package io.grantsmith.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final AtomicLong now = new AtomicLong(1_000);
    private final RepeatedFailures failures = new RepeatedFailures(WINDOW, now::get);

    @Test
    void whenAFailureRepeatsWithinTheWindowThenOnlyTheFirstIsLoggedAndTheNextLineCarriesTheCount() {
        assertThat(failures.record("disk full")).hasValue(0);
        for (int i = 0; i < 999; i++) {
            assertThat(failures.record("disk full")).isEmpty();
        }

        now.addAndGet(WINDOW.toNanos());

        assertThat(failures.record("disk full")).hasValue(999);
        assertThat(failures.record("disk full")).isEmpty();
    }

    @Test
    void whenFailuresDifferThenEachIsLoggedOnItsOwn() {
        assertThat(failures.record("disk full")).hasValue(0);
        assertThat(failures.record("I/O error")).hasValue(0);
        assertThat(failures.record("disk full")).isEmpty();
        assertThat(failures.record("I/O error")).isEmpty();
    }

    @Test
    void whenDrainedThenTheUnloggedCountsAreReturnedAndTheNextOccurrenceIsLoggedAgain() {
        failures.record("disk full");
        failures.record("disk full");
        failures.record("disk full");
        failures.record("I/O error");

        assertThat(failures.drain()).containsExactly(java.util.Map.entry("disk full", 2L));
        assertThat(failures.record("disk full")).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void whenManySignaturesAreSeenThenOnlyTheMostRecentAreRemembered() {
        for (int i = 0; i <= RepeatedFailures.MAX_SIGNATURES; i++) {
            failures.record("failure " + i);
        }

        assertThat(failures.record("failure 0")).as("forgotten, so logged again").hasValue(0);
        assertThat(failures.record("failure " + RepeatedFailures.MAX_SIGNATURES)).isEmpty();
    }

    @Test
    void whenTwoFailuresHaveTheSameClassesAndMessagesThenTheirSignaturesAreEqualWhateverTheirStacks() {
        Exception first = new IllegalStateException("saveGrant failed", new IOException("disk full"));
        Exception second = new IllegalStateException("saveGrant failed", new IOException("disk full"));
        Exception other = new IllegalStateException("saveGrant failed", new IOException("I/O error"));

        assertThat(RepeatedFailures.signatureOf(first)).isEqualTo(RepeatedFailures.signatureOf(second))
                .isNotEqualTo(RepeatedFailures.signatureOf(other))
                .contains("java.io.IOException: disk full");
    }
}
