package dev.salesplatform.deal.domain;

import java.time.LocalDate;

import dev.salesplatform.kit.problem.StateConflict;

/**
 * A proposal's life: DRAFT -> SENT -> ACCEPTED or REJECTED; a draft or sent proposal whose validity
 * date has passed is EXPIRED and can only be replaced by a new version. Accepting a version
 * supersedes the deal's other sent or accepted versions (they become REJECTED), so a deal has at most
 * one accepted proposal, the one its amount comes from.
 */
public final class ProposalStateMachine {

    private ProposalStateMachine() {
    }

    /** The status as of {@code today}: valid through {@code validUntil} inclusive. */
    public static ProposalStatus effective(ProposalStatus stored, LocalDate validUntil, LocalDate today) {
        boolean open = stored == ProposalStatus.DRAFT || stored == ProposalStatus.SENT;
        return open && today.isAfter(validUntil) ? ProposalStatus.EXPIRED : stored;
    }

    /** The status after {@code command}, or a {@link StateConflict} naming the (effective) status it does not allow. */
    public static ProposalStatus next(ProposalStatus current, ProposalCommand command) {
        ProposalStatus next = switch (command) {
            case SEND -> current == ProposalStatus.DRAFT ? ProposalStatus.SENT : null;
            case ACCEPT -> current == ProposalStatus.SENT ? ProposalStatus.ACCEPTED : null;
            case REJECT -> current == ProposalStatus.SENT ? ProposalStatus.REJECTED : null;
        };
        if (next == null) {
            throw new StateConflict(current, command, describe(current, command));
        }
        return next;
    }

    private static String describe(ProposalStatus current, ProposalCommand command) {
        String what = switch (command) {
            case SEND -> "sent";
            case ACCEPT -> "accepted";
            case REJECT -> "rejected";
        };
        return "A " + current + " proposal cannot be " + what
                + (current == ProposalStatus.EXPIRED ? "; its validity date has passed, make a new version" : "");
    }

    /** Whether accepting another version of the deal turns a proposal in {@code current} status to REJECTED. */
    public static boolean supersededByAcceptance(ProposalStatus current) {
        return current == ProposalStatus.SENT || current == ProposalStatus.ACCEPTED;
    }
}
