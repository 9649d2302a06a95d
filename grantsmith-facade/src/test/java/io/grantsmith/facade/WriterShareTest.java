package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The janitor's share of the writer: a tenth while others wrote within the quiet window, all of it after. */
class WriterShareTest {
    private static final long BATCH = 10_000_000; // 10 ms
    private static final long QUIET = WriterShare.QUIET.toNanos();

    @Test
    void whenNoOtherWriteWasEverSeenThenTheJanitorDoesNotRest() {
        WriterShare share = new WriterShare();

        assertThat(share.restAfter(BATCH, 0, false, false)).isZero();
        assertThat(share.restAfter(BATCH, QUIET, false, false)).isZero();
    }

    @Test
    void afterAnotherWriteTheJanitorRestsNineTimesTheBatchUntilTheStoreWasQuietForTheWindow() {
        WriterShare share = new WriterShare();
        long seen = 5 * QUIET;

        assertThat(share.restAfter(BATCH, seen, false, true)).isEqualTo(WriterShare.BUSY_REST_FACTOR * BATCH);
        assertThat(share.restAfter(BATCH, seen + BATCH, false, false)).as("one quiet batch later")
                .isEqualTo(WriterShare.BUSY_REST_FACTOR * BATCH);
        assertThat(share.restAfter(BATCH, seen + QUIET - 1, false, false)).as("just within the window")
                .isEqualTo(WriterShare.BUSY_REST_FACTOR * BATCH);
        assertThat(share.restAfter(BATCH, seen + QUIET, false, false)).as("quiet for the window").isZero();
    }

    @Test
    void eachOtherWriteSeenStartsTheWindowAgain() {
        WriterShare share = new WriterShare();
        share.restAfter(BATCH, 0, false, true);
        share.restAfter(BATCH, QUIET / 2, false, true);

        assertThat(share.busy(QUIET)).isTrue();
        assertThat(share.busy(QUIET / 2 + QUIET)).isFalse();
    }

    /** The lag bound: overdue rows go at half of the writer, busy or idle. */
    @Test
    void forOverdueRowsTheJanitorRestsAsLongAsTheBatchTookBusyOrNot() {
        WriterShare share = new WriterShare();

        assertThat(share.restAfter(BATCH, 0, true, false)).isEqualTo(BATCH);
        assertThat(share.restAfter(BATCH, 1, true, true)).isEqualTo(BATCH);
        assertThat(share.busy(1)).as("an overdue batch's answer still counts").isTrue();
    }
}
