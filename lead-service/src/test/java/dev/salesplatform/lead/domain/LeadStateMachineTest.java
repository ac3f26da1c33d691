package dev.salesplatform.lead.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.salesplatform.kit.problem.StateConflict;

/** Every command in every state: the allowed transitions exactly, everything else refused. */
class LeadStateMachineTest {

    /** The expected status after each command (null: refused); activities here are contacts. */
    static Map<LeadCommand, LeadStatus> expected(LeadStatus from) {
        Map<LeadCommand, LeadStatus> next = new EnumMap<>(LeadCommand.class);
        boolean open = from == LeadStatus.NEW || from == LeadStatus.CONTACTED || from == LeadStatus.QUALIFIED;
        next.put(LeadCommand.EDIT, open ? from : null);
        next.put(LeadCommand.ASSIGN, open ? from : null);
        next.put(LeadCommand.LOG_ACTIVITY, !open ? null : from == LeadStatus.NEW ? LeadStatus.CONTACTED : from);
        next.put(LeadCommand.QUALIFY, from == LeadStatus.CONTACTED ? LeadStatus.QUALIFIED : null);
        next.put(LeadCommand.DISQUALIFY, open ? LeadStatus.DISQUALIFIED : null);
        next.put(LeadCommand.HAND_OFF, from == LeadStatus.QUALIFIED ? LeadStatus.HANDED_OFF : null);
        next.put(LeadCommand.REOPEN, from == LeadStatus.DISQUALIFIED ? LeadStatus.NEW : null);
        return next;
    }

    @ParameterizedTest
    @EnumSource(LeadStatus.class)
    void allowsExactlyTheDocumentedTransitions(LeadStatus from) {
        expected(from).forEach((command, to) -> {
            if (to == null) {
                StateConflict refused = assertThrows(StateConflict.class,
                        () -> LeadStateMachine.next(from, command, true), from + " " + command);
                assertEquals(from.name(), refused.current());
                assertEquals(command.name(), refused.command());
            } else {
                assertEquals(to, LeadStateMachine.next(from, command, true), from + " " + command);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"NEW", "CONTACTED", "QUALIFIED"})
    void aNoteChangesNoStatus(LeadStatus from) {
        assertEquals(from, LeadStateMachine.next(from, LeadCommand.LOG_ACTIVITY, false));
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"HANDED_OFF", "DISQUALIFIED"})
    void closedLeadsTakeNoNotes(LeadStatus from) {
        assertThrows(StateConflict.class, () -> LeadStateMachine.next(from, LeadCommand.LOG_ACTIVITY, false));
    }
}
