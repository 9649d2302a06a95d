package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

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
}
