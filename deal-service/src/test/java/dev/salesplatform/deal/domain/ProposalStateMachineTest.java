package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.problem.StateConflict;

class ProposalStateMachineTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 15);

    @Test
    void everyStatusAndCommand() {
        Map<ProposalStatus, Map<ProposalCommand, ProposalStatus>> allowed = Map.of(
                ProposalStatus.DRAFT, Map.of(ProposalCommand.SEND, ProposalStatus.SENT),
                ProposalStatus.SENT, Map.of(ProposalCommand.ACCEPT, ProposalStatus.ACCEPTED,
                        ProposalCommand.REJECT, ProposalStatus.REJECTED));
        for (ProposalStatus status : ProposalStatus.values()) {
            for (ProposalCommand command : ProposalCommand.values()) {
                ProposalStatus expected = allowed.getOrDefault(status, Map.of()).get(command);
                if (expected != null) {
                    assertEquals(expected, ProposalStateMachine.next(status, command), status + " " + command);
                } else {
                    StateConflict e = assertThrows(StateConflict.class,
                            () -> ProposalStateMachine.next(status, command), status + " " + command);
                    assertEquals(status.name(), e.current());
                }
            }
        }
    }

    @Test
    void draftsAndSentProposalsExpireTheDayAfterValidUntil() {
        for (ProposalStatus open : new ProposalStatus[] {ProposalStatus.DRAFT, ProposalStatus.SENT}) {
            assertEquals(open, ProposalStateMachine.effective(open, TODAY, TODAY));
            assertEquals(ProposalStatus.EXPIRED, ProposalStateMachine.effective(open, TODAY.minusDays(1), TODAY));
        }
        for (ProposalStatus decided : new ProposalStatus[] {ProposalStatus.ACCEPTED, ProposalStatus.REJECTED}) {
            assertEquals(decided, ProposalStateMachine.effective(decided, TODAY.minusYears(1), TODAY));
        }
    }

    @Test
    void anExpiredProposalCanOnlyBeReplaced() {
        StateConflict e = assertThrows(StateConflict.class,
                () -> ProposalStateMachine.next(ProposalStatus.EXPIRED, ProposalCommand.ACCEPT));
        assertTrue(e.getMessage().contains("new version"), e.getMessage());
    }

    @Test
    void acceptanceSupersedesSentAndAcceptedVersionsOnly() {
        assertTrue(ProposalStateMachine.supersededByAcceptance(ProposalStatus.SENT));
        assertTrue(ProposalStateMachine.supersededByAcceptance(ProposalStatus.ACCEPTED));
        assertFalse(ProposalStateMachine.supersededByAcceptance(ProposalStatus.DRAFT));
        assertFalse(ProposalStateMachine.supersededByAcceptance(ProposalStatus.REJECTED));
        assertFalse(ProposalStateMachine.supersededByAcceptance(ProposalStatus.EXPIRED));
    }
}
