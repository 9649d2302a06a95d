package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fair shares of {@link SenderGate}, without HTTP: who enters, who waits, who is admitted when. */
class SenderGateTest {
    private final List<String> admitted = new ArrayList<>();

    private SenderGate.Waiter waiter(String name) {
        return () -> admitted.add(name);
    }

    @Test
    void whenAloneASenderUsesTheWholeBudgetAndItsExcessWaitsInOrder() {
        SenderGate gate = new SenderGate(4, 2);
        for (int i = 0; i < 4; i++) {
            assertThat(gate.enter("a", waiter("a" + i))).isEqualTo(SenderGate.Entry.ENTERED);
        }
        assertThat(gate.enter("a", waiter("first"))).isEqualTo(SenderGate.Entry.QUEUED);
        assertThat(gate.enter("a", waiter("second"))).isEqualTo(SenderGate.Entry.QUEUED);
        assertThat(gate.enter("a", waiter("third"))).as("beyond the queue bound").isEqualTo(SenderGate.Entry.FULL);

        gate.leave("a");
        gate.leave("a");

        assertThat(admitted).containsExactly("first", "second");
        assertThat(gate.inProcess("a")).isEqualTo(4);
        assertThat(gate.waiting("a")).isZero();
    }

    @Test
    void whenAWaiterCannotBeResumedThenItsSlotPassesToTheNextWaiter() {
        SenderGate gate = new SenderGate(1);
        gate.enter("a", waiter("running"));
        gate.enter("a", () -> {
            throw new java.util.concurrent.RejectedExecutionException("stopping");
        });
        gate.enter("a", waiter("next"));

        gate.leave("a");

        assertThat(admitted).containsExactly("next");
        assertThat(gate.inProcess("a")).isEqualTo(1);
        gate.leave("a");
        assertThat(gate.inProcess("a")).as("no slot leaked").isZero();
        assertThat(gate.senders()).isZero();
    }

    @Test
    void whenASecondSenderBecomesBusyThenItEntersAtOnceAndTheFirstShrinksToHalfTheBudget() {
        SenderGate gate = new SenderGate(4);
        for (int i = 0; i < 4; i++) {
            gate.enter("flood", waiter("f" + i));
        }
        gate.enter("flood", waiter("waiting flood"));

        assertThat(gate.enter("quiet", waiter("q"))).as("the quiet sender never queues behind the flood")
                .isEqualTo(SenderGate.Entry.ENTERED);
        gate.leave("flood");
        gate.leave("flood");
        assertThat(admitted).as("the flood has more than its half in process: its waiter still waits").isEmpty();
        gate.leave("flood");
        assertThat(admitted).as("below its half of the budget the flood's waiter gets the slot")
                .containsExactly("waiting flood");
        assertThat(gate.inProcess("flood")).isEqualTo(2);
    }

    @Test
    void whenAWaiterIsWithdrawnThenItIsNeverAdmittedAndIdleSendersTakeNoRoom() {
        SenderGate gate = new SenderGate(1);
        gate.enter("a", waiter("running"));
        SenderGate.Waiter late = waiter("late");
        gate.enter("a", late);

        assertThat(gate.withdraw("a", late)).isTrue();
        gate.leave("a");

        assertThat(admitted).isEmpty();
        assertThat(gate.withdraw("a", late)).isFalse();
        assertThat(gate.senders()).isZero();
    }

    // CPU pacing: a hand-driven clock, machine load and timer, so that nothing depends on how fast this machine is

    private long now;
    private double machineLoad = 1.0;
    private final List<long[]> timerDelays = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();

    private SenderGate pacedGate(int budget) {
        return new SenderGate(budget, 16, new SenderGate.CpuPacing(Duration.ofMillis(20), 0.9, () -> machineLoad,
                () -> now, (delay, task) -> {
                    timerDelays.add(new long[] {delay});
                    timers.add(task);
                }));
    }

    private void runTimers() {
        List<Runnable> due = new ArrayList<>(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    /**
     * A paced gate of 4 at 200 ms: the flood has two requests in process and one waiting, the quiet sender one in
     * process; nobody has been charged CPU yet.
     */
    private SenderGate floodWaitingBesideQuietAt200ms() {
        SenderGate gate = pacedGate(4);
        gate.enter("flood", waiter("f1"));
        gate.enter("quiet", waiter("q1"));
        gate.enter("flood", waiter("f2"));
        gate.enter("flood", waiter("waiting flood"));
        now = ms(200);
        return gate;
    }

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    @Test
    void whenASenderUsesMoreThanItsPartOfTheCpuWhileAnotherIsBusyThenItsNextRequestWaitsForItsPartToCatchUp() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();

        gate.leave("flood", ms(190)); // 190 ms of CPU in 200 ms: the senders used 0.95 of a core, half each

        assertThat(admitted).as("190 ms against a part of 95 ms and a burst of 20: the flood waits").isEmpty();
        assertThat(gate.waiting("flood")).isEqualTo(1);
        assertThat(timers).hasSize(1);
        assertThat(timerDelays.get(0)[0]).as("looked at again within 100 ms").isBetween(ms(1), ms(100));
        assertThat(gate.enter("quiet", waiter("q2"))).as("the other sender is not held back")
                .isEqualTo(SenderGate.Entry.ENTERED);

        now += ms(100);
        gate.leave("quiet", ms(50));
        runTimers();
        assertThat(admitted).as("100 ms later it has earned a third of what it owes").isEmpty();
        assertThat(timers).as("looked at again later").hasSize(1);

        now += ms(1000);
        runTimers();
        assertThat(admitted).as("its part has caught up").containsExactly("waiting flood");
    }

    @Test
    void whenASenderIsAloneThenItIsNeverPacedHoweverMuchCpuItUses() {
        SenderGate gate = pacedGate(1);
        gate.enter("a", waiter("running"));
        gate.enter("a", waiter("next"));
        now = ms(200);

        gate.leave("a", ms(190));

        assertThat(admitted).containsExactly("next");
        assertThat(timers).isEmpty();
    }

    @Test
    void whenTheMachineHasCpuToSpareThenNoSenderIsPaced() {
        machineLoad = 0.5;
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        gate.leave("quiet", ms(10));
        gate.enter("quiet", waiter("q2"));

        gate.leave("flood", ms(190));

        assertThat(admitted).as("pacing would only leave the CPU idle").containsExactly("waiting flood");
        assertThat(timers).isEmpty();
    }

    @Test
    void whenAPausedSenderSendsMoreThenItsNewRequestsQueueBehindThePauseAndTheyExpireAsUsual() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        gate.leave("flood", ms(190));

        SenderGate.Waiter newcomer = waiter("newcomer");
        assertThat(gate.enter("flood", newcomer)).as("a slot is free, but the flood is paused")
                .isEqualTo(SenderGate.Entry.QUEUED);
        assertThat(gate.withdraw("flood", newcomer)).as("its deadline still takes it back").isTrue();
        gate.leave("flood", 0);

        now += ms(1500);
        runTimers();
        assertThat(admitted).containsExactly("waiting flood");
        gate.leave("flood", 0);
        gate.leave("quiet", 0);
        assertThat(gate.senders()).as("no lane left behind by the pause").isZero();
    }

    @Test
    void whenTheOtherSendersLaneEmptiedAMomentAgoThenTheFloodIsStillNotAlone() {
        SenderGate gate = pacedGate(4);
        gate.enter("flood", waiter("f1"));
        gate.enter("flood", waiter("f2"));
        gate.enter("quiet", waiter("q1"));
        gate.enter("flood", waiter("waiting flood"));
        now = ms(200);
        gate.leave("quiet", ms(10)); // between two of its requests the quiet sender has no lane for a moment
        assertThat(gate.senders()).isEqualTo(1);

        gate.leave("flood", ms(190));

        assertThat(admitted).as("busy alongside another sender within the last window: paced").isEmpty();
        assertThat(timers).hasSize(1);
    }

    @Test
    void whenTheLoadOfASaturatedMachineDipsForAWindowThenTheFloodsDebtIsNotForgiven() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        gate.leave("quiet", ms(10)); // a window at load 1.0: saturated
        gate.enter("quiet", waiter("q2"));
        machineLoad = 0.85; // a 100 ms reading of a saturated machine a tick below the saturation
        now += ms(100);

        gate.leave("flood", ms(190));

        assertThat(admitted).as("one reading below 0.9 while the smoothed load is still near 1: still paced")
                .isEmpty();
        assertThat(timers).hasSize(1);
    }

    @Test
    void whenTheMachineStaysBelowTheSaturationThenPacingEndsAndTheFloodIsLetIn() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        gate.leave("quiet", ms(10)); // saturated at first
        gate.enter("quiet", waiter("q2"));
        machineLoad = 0.5;
        for (int window = 0; window < 3; window++) { // the smoothed load falls below 0.8 within three windows
            now += ms(100);
            gate.leave("quiet", 0);
            gate.enter("quiet", waiter("q" + (3 + window)));
        }

        gate.leave("flood", ms(190));

        assertThat(admitted).as("CPU to spare again: pacing would only leave it idle")
                .containsExactly("waiting flood");
        assertThat(timers).isEmpty();
    }

    @Test
    void whenAnotherSenderIsBusyOnlyAMomentOfEachWindowThenASteadySenderIsNotHeldToHalfTheCpu() {
        SenderGate gate = pacedGate(4);
        for (int i = 0; i < 4; i++) {
            gate.enter("steady", waiter("s" + i));
        }
        gate.enter("steady", waiter("next 0"));
        int step = 0;
        for (int window = 0; window < 20; window++) {
            // alone for ten windows first (its use settles at 0.7 of a core), then a light sender comes by for 1 ms
            // of every 100 ms: the steady sender is entitled to half the CPU for that millisecond, all of it otherwise
            boolean lightVisits = window >= 10;
            for (int tick = 0; tick < 10; tick++) {
                if (lightVisits && tick == 0) {
                    now += ms(2);
                    assertThat(gate.enter("light", waiter("light"))).isEqualTo(SenderGate.Entry.ENTERED);
                    now += ms(1);
                    gate.leave("light", ms(1) / 10);
                    now += ms(7);
                } else {
                    now += ms(10);
                }
                gate.leave("steady", ms(7));
                gate.enter("steady", waiter("next " + ++step));
                assertThat(gate.waiting("steady")).as("each request that leaves lets the next in").isEqualTo(1);
            }
        }

        assertThat(timers).as("never paused: a light sender's moments do not halve the steady sender's part").isEmpty();
    }

    @Test
    void whenAnAdvanceReadsAnOlderClockThanTheLastThenItGivesNoExtraCredit() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        gate.leave("flood", ms(190));
        now = ms(300);
        runTimers(); // the flood's credit brought up to 300 ms: still in debt, paused again
        long creditAt300 = gate.credit("flood");
        assertThat(creditAt300).as("still owes").isNegative();
        assertThat(timers).hasSize(1);

        now = ms(250); // a thread that read the clock before another's advance to 300 ms takes the lock after it
        assertThat(gate.enter("quiet", waiter("q2"))).isEqualTo(SenderGate.Entry.ENTERED);
        now = ms(300);
        runTimers();

        assertThat(gate.credit("flood")).as("no time has passed since 300 ms: nothing more earned")
                .isEqualTo(creditAt300);
    }

    private final SenderGate.Waiter goneWaiting = waiter("gone waiting");

    /**
     * Two floods of a paced gate of 4, both paused at 200 ms owing 170 ms of CPU (each used 190 ms in 200 ms, the
     * senders 0.95 of a core, half each; plus a burst of 20), each with one request in process and one waiting.
     */
    private SenderGate twoPausedFloodsAt200ms() {
        SenderGate gate = pacedGate(4);
        for (String sender : List.of("gone", "checked")) {
            gate.enter(sender, waiter(sender + " 1"));
            gate.enter(sender, waiter(sender + " 2"));
        }
        gate.enter("gone", goneWaiting);
        gate.enter("checked", waiter("checked waiting"));
        now = ms(200);
        gate.leave("gone", ms(190));
        gate.leave("checked", ms(190));
        assertThat(gate.credit("checked")).isEqualTo(-ms(170));
        assertThat(timers).as("both paused").hasSize(2);
        return gate;
    }

    /** At 290 ms (within the window): earned 50 ms at half of 0.95 while both were busy, then 40 ms at all of it. */
    private void assertCheckedEarnedHalfUntil250msAndAllAfter(SenderGate gate) {
        assertThat(gate.senders()).as("the paused lane is gone").isEqualTo(1);
        now = ms(290);
        runTimers();
        double earned = ms(50) * 0.95 / 2 + ms(40) * 0.95;
        assertThat((double) gate.credit("checked")).isCloseTo(-ms(170) + earned, within(1000.0));
        assertThat(admitted).as("still owes: still paused").doesNotContain("checked waiting");
    }

    @Test
    void whenAPausedLaneGoesWithItsLastRequestThenTheOthersEarnHalfUntilThenAndAllAfter() {
        SenderGate gate = twoPausedFloodsAt200ms();
        assertThat(gate.withdraw("gone", goneWaiting)).isTrue();
        now = ms(250);

        gate.leave("gone", 0); // a paused leave: the lane goes

        assertCheckedEarnedHalfUntil250msAndAllAfter(gate);
    }

    @Test
    void whenAPausedLanesLastWaiterIsWithdrawnThenTheOthersEarnHalfUntilThenAndAllAfter() {
        SenderGate gate = twoPausedFloodsAt200ms();
        gate.leave("gone", 0); // paused: its waiter stays
        now = ms(250);

        assertThat(gate.withdraw("gone", goneWaiting)).as("the lane goes with its last waiter").isTrue();

        assertCheckedEarnedHalfUntil250msAndAllAfter(gate);
    }

    /** Closes {@code windows} windows of 100 ms at this machine load (the quiet sender's requests come and go). */
    private void windowsAtLoad(SenderGate gate, double load, int windows) {
        machineLoad = load;
        for (int window = 0; window < windows; window++) {
            now += ms(100);
            gate.leave("quiet", 0);
            gate.enter("quiet", waiter("quiet again"));
        }
    }

    @Test
    void whenAMachineAt85PercentReads90ForOneWindowThenNobodyIsPaced() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        now = 0;
        windowsAtLoad(gate, 0.85, 5);
        windowsAtLoad(gate, 0.9, 1); // one noisy tick: the smoothed load stays near 0.86

        gate.leave("flood", ms(190));

        assertThat(admitted).as("CPU to spare: pacing would only leave it idle").containsExactly("waiting flood");
        assertThat(timers).isEmpty();
    }

    @Test
    void whenTheMachineStaysAtOrAbove90PercentThenTheFloodIsPaced() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        now = 0;
        windowsAtLoad(gate, 0.85, 5);
        windowsAtLoad(gate, 0.95, 3); // the smoothed load climbs past 0.9 in the third window

        gate.leave("flood", ms(190));

        assertThat(admitted).as("saturated and over its part: paced").isEmpty();
        assertThat(timers).hasSize(1);
    }

    @Test
    void aSaturationAtOrBelowTheHysteresisIsRefusedForTheMachineCouldNeverLeaveSaturation() {
        for (double saturation : new double[] {0, 0.05, SenderGate.CpuPacing.HYSTERESIS, 1.01}) {
            assertThatThrownBy(() -> new SenderGate.CpuPacing(Duration.ofMillis(20), saturation, () -> 1.0, () -> 0,
                    (delay, task) -> {})).as("saturation %s", saturation).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new SenderGate.CpuPacing(Duration.ofMillis(20), 0.11, () -> 1.0, () -> 0, (delay, task) -> {})
                .saturation()).isEqualTo(0.11);
    }

    @Test
    void whenASaturatedMachineIsQuietForASecondThenThatLongWindowWeighsAsTenAndPacingEnds() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        gate.leave("quiet", ms(10)); // a window at load 1.0: saturated
        gate.enter("quiet", waiter("q2"));
        machineLoad = 0.5;
        now += ms(1000); // no request charged for a second: one window, read at 0.5 over the whole second

        gate.leave("flood", ms(190));

        assertThat(admitted).as("a second at 0.5 brings the smoothed load near 0.5, not 0.875: CPU to spare")
                .containsExactly("waiting flood");
        assertThat(timers).isEmpty();
    }

    // How closely the edge measures a run's CPU time (SenderGate.cpuWeight)

    /** The weights of many draws: each is 0 or CPU_SAMPLE; returns how many were CPU_SAMPLE. */
    private static int sampledDraws(SenderGate gate, int draws) {
        int measured = 0;
        for (int i = 0; i < draws; i++) {
            int weight = gate.cpuWeight();
            assertThat(weight).isIn(0, SenderGate.CPU_SAMPLE);
            if (weight != 0) {
                measured++;
            }
        }
        return measured;
    }

    @Test
    void whenPacingCanHoldASenderBackThenEveryRunIsMeasuredExactly() {
        SenderGate gate = pacedGate(4);
        gate.enter("flood", waiter("f1"));
        gate.enter("quiet", waiter("q1"));
        now = ms(200);
        gate.leave("flood", ms(10)); // a window at load 1.0 with two senders busy: saturated

        for (int i = 0; i < 1000; i++) {
            assertThat(gate.cpuWeight()).isEqualTo(1);
        }
    }

    @Test
    void whenNoSenderCanBePacedThenOneRunInCpuSampleIsMeasuredAndChargedThatManyTimesOver() {
        SenderGate unsaturated = pacedGate(4);
        unsaturated.enter("flood", waiter("f1"));
        unsaturated.enter("quiet", waiter("q1")); // two busy, but no window has shown a saturated CPU yet
        int draws = 80_000;
        int expected = draws / SenderGate.CPU_SAMPLE;
        assertThat(sampledDraws(unsaturated, draws)).as("about one in %d", SenderGate.CPU_SAMPLE)
                .isBetween(expected * 8 / 10, expected * 12 / 10);

        SenderGate alone = pacedGate(4);
        alone.enter("flood", waiter("f2"));
        now = ms(200);
        alone.leave("flood", ms(190)); // saturated, but one sender busy in the window and none now
        assertThat(sampledDraws(alone, draws)).as("a lone sender is never paced: sampled")
                .isBetween(expected * 8 / 10, expected * 12 / 10);
    }

    @Test
    void whenTheGateDoesNotPaceThenNothingIsMeasured() {
        SenderGate gate = new SenderGate(4);
        gate.enter("a", waiter("a1"));
        gate.enter("b", waiter("b1"));
        for (int i = 0; i < 1000; i++) {
            assertThat(gate.cpuWeight()).isZero();
        }
    }

    // Requests awaiting their stage (a commit) give their slot up (SenderGate.awaitStage)

    @Test
    void whenARequestAwaitsItsStageThenItsSlotGoesToTheSendersNextRequestAndItLeavesAsAwaiting() {
        SenderGate gate = new SenderGate(2);
        gate.enter("a", waiter("a1"));
        gate.enter("a", waiter("a2"));
        assertThat(gate.enter("a", waiter("next"))).isEqualTo(SenderGate.Entry.QUEUED);

        assertThat(gate.awaitStage("a")).isTrue();

        assertThat(admitted).containsExactly("next");
        assertThat(gate.inProcess("a")).as("two slots and one awaiting its stage").isEqualTo(3);
        assertThat(gate.awaitingStage("a")).isEqualTo(1);
        gate.leave("a", 0, true);
        assertThat(gate.awaitingStage("a")).isZero();
        assertThat(gate.inProcess("a")).isEqualTo(2);
        gate.leave("a");
        gate.leave("a");
        assertThat(gate.senders()).as("no lane left behind").isZero();
    }

    @Test
    void whenASenderHasItsShareOfTheStageBudgetAwaitingThenItsNextRequestKeepsItsSlot() {
        SenderGate gate = new SenderGate(1);
        int stageShare = SenderGate.STAGE_BUDGET_FACTOR; // a budget of one, one sender busy
        for (int i = 0; i < stageShare; i++) {
            assertThat(gate.enter("a", waiter("a" + i))).isEqualTo(SenderGate.Entry.ENTERED);
            assertThat(gate.awaitStage("a")).isTrue();
        }
        assertThat(gate.enter("a", waiter("keeps"))).isEqualTo(SenderGate.Entry.ENTERED);

        assertThat(gate.awaitStage("a")).as("its share awaits already").isFalse();
        assertThat(gate.enter("a", waiter("waits"))).isEqualTo(SenderGate.Entry.QUEUED);

        gate.leave("a", 0, true); // one commit answered: room to await, but the slot is still taken
        assertThat(admitted).isEmpty();
        assertThat(gate.awaitStage("a")).isTrue();
        assertThat(admitted).containsExactly("waits");
    }

    @Test
    void whenTwoSendersAreBusyThenEachAwaitsAtMostHalfTheStageBudget() {
        SenderGate gate = new SenderGate(2);
        gate.enter("b", waiter("b1")); // busy throughout
        int half = 2 * SenderGate.STAGE_BUDGET_FACTOR / 2;
        for (int i = 0; i < half; i++) {
            gate.enter("a", waiter("a" + i));
            assertThat(gate.awaitStage("a")).isTrue();
        }
        gate.enter("a", waiter("over"));

        assertThat(gate.awaitStage("a")).isFalse();
        assertThat(gate.awaitingStage("a")).isEqualTo(half);
    }

    @Test
    void whenAPausedSenderAwaitsItsStageThenItsWaitersStayForTheTimer() {
        SenderGate gate = floodWaitingBesideQuietAt200ms();
        gate.leave("flood", ms(190)); // over its part: paused, "waiting flood" queued

        assertThat(gate.awaitStage("flood")).isTrue();

        assertThat(admitted).as("the pause, not a freed slot, decides").isEmpty();
        now += ms(1500);
        runTimers();
        assertThat(admitted).containsExactly("waiting flood");
    }
}
