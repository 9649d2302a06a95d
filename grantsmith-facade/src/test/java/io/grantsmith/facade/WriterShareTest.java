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

    /** While busy, at most ROWS_PER_WRITE rows per other write: ahead of that, the janitor owes another rest. */
    @Test
    void whenTheJanitorDeletedMoreThanTheOthersWritesAllowThenItOwesRestsUntilTheyCatchUp() {
        WriterShare share = new WriterShare();
        share.startPass(1_000);
        long rest = share.restAfter(BATCH, BATCH, false, true, 100, 1_000); // no other write during the batch

        assertThat(rest).isEqualTo(WriterShare.BUSY_REST_FACTOR * BATCH);
        long now = BATCH + rest;
        assertThat(share.restOwed(now, true, 1_000 + 24)).as("24 writes allow 96 of the 100 rows")
                .isEqualTo(WriterShare.BUSY_REST_FACTOR * BATCH);
        assertThat(share.restOwed(now + rest, true, 1_000 + 25)).as("25 writes allow all 100").isZero();
    }

    @Test
    void writesOfTheOthersDuringTheBatchCountTowardsItsRows() {
        WriterShare share = new WriterShare();
        share.startPass(0);
        share.restAfter(BATCH, BATCH, false, true, 100, 30); // 30 writes while it ran: 120 rows allowed

        assertThat(share.restOwed(10 * BATCH, false, 30)).isZero();
    }

    @Test
    void aJanitorAheadOfItsAllowanceStopsRestingOnceTheStoreIsQuiet() {
        WriterShare share = new WriterShare();
        share.startPass(0);
        share.restAfter(BATCH, BATCH, false, true, 100, 0);

        assertThat(share.restOwed(BATCH + QUIET - 1, false, 0)).as("still within the window").isPositive();
        assertThat(share.restOwed(BATCH + QUIET, false, 0)).as("quiet: catch up at full speed").isZero();
        assertThat(share.restAfter(BATCH, BATCH + QUIET + BATCH, false, false, 100, 0)).isZero();
        assertThat(share.restOwed(BATCH + QUIET + BATCH, true, 0))
                .as("what it deleted while idle is not held against it when the load comes back").isZero();
    }

    @Test
    void whenTheStoreCannotCountTheOthersWritesOnlyTheTimeShareHolds() {
        WriterShare share = new WriterShare();
        share.startPass(-1);

        assertThat(share.restAfter(BATCH, BATCH, false, true, 100, -1))
                .isEqualTo(WriterShare.BUSY_REST_FACTOR * BATCH);
        assertThat(share.restOwed(BATCH + 9 * BATCH, true, -1)).isZero();
    }

    @Test
    void overdueRowsAreNotHeldAgainstTheAllowance() {
        WriterShare share = new WriterShare();
        share.startPass(0);

        assertThat(share.restAfter(BATCH, BATCH, true, true, 100, 0)).isEqualTo(BATCH);
        assertThat(share.restOwed(2 * BATCH, true, 0)).isZero();
    }

    @Test
    void noAllowanceIsCarriedIntoTheNextPass() {
        WriterShare share = new WriterShare();
        share.startPass(0);
        share.restAfter(BATCH, BATCH, false, true, 100, 1_000); // 4,000 rows allowed, 100 used

        share.startPass(1_000);
        share.restAfter(BATCH, 2 * BATCH, false, true, 100, 1_000);

        assertThat(share.restOwed(11 * BATCH, true, 1_000)).isPositive();
    }
}
