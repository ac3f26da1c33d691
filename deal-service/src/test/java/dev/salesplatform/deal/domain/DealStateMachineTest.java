package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.kit.problem.StateConflict;

/** Every command in every status, into open and closed stages: the allowed transitions exactly, the rest refused. */
class DealStateMachineTest {

    /** The expected status after the command (null: refused). */
    static DealStatus expected(DealStatus from, DealCommand command, boolean targetClosed) {
        if (from != DealStatus.OPEN) {
            return null;
        }
        return switch (command) {
            case EDIT -> DealStatus.OPEN;
            case MOVE_STAGE -> targetClosed ? null : DealStatus.OPEN;
            case WIN -> DealStatus.WON;
            case LOSE -> DealStatus.LOST;
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void allowsExactlyTheDocumentedTransitions(boolean targetClosed) {
        for (DealStatus from : DealStatus.values()) {
            for (DealCommand command : DealCommand.values()) {
                DealStatus to = expected(from, command, targetClosed);
                String what = from + " " + command + (targetClosed ? " into a closed stage" : "");
                if (to == null) {
                    StateConflict refused = assertThrows(StateConflict.class,
                            () -> DealStateMachine.next(from, "SOME_STAGE", command, targetClosed), what);
                    assertEquals(from.name(), refused.current(), what);
                    assertEquals(command.name(), refused.command(), what);
                    assertEquals("SOME_STAGE", refused.members().get("currentStage"), what);
                } else {
                    assertEquals(to, DealStateMachine.next(from, "SOME_STAGE", command, targetClosed), what);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DealStatus.class, names = {"WON", "LOST"})
    void aClosedDealCannotBeWonOrLostAgain(DealStatus closed) {
        assertThrows(StateConflict.class, () -> DealStateMachine.next(closed, "CLOSED", DealCommand.WIN));
        assertThrows(StateConflict.class, () -> DealStateMachine.next(closed, "CLOSED", DealCommand.LOSE));
    }
}
