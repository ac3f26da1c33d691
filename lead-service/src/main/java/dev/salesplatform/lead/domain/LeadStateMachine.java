package dev.salesplatform.lead.domain;

import java.util.Set;

import dev.salesplatform.kit.problem.StateConflict;

/**
 * The lead lifecycle: NEW -> CONTACTED (first contact activity) -> QUALIFIED (BANT recorded) ->
 * HANDED_OFF (to an account executive); any open state -> DISQUALIFIED; DISQUALIFIED -> NEW by
 * reopening. Closed leads (HANDED_OFF, DISQUALIFIED) take no edits, assignments or activities.
 */
public final class LeadStateMachine {

    public static final Set<LeadStatus> OPEN = Set.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED);

    private LeadStateMachine() {
    }

    /**
     * The status after {@code command}, or {@link StateConflict} when the command is not
     * allowed in {@code current}. For activities, {@code contact} tells whether it was a contact
     * (CALL, EMAIL, MEETING) rather than a NOTE.
     */
    public static LeadStatus next(LeadStatus current, LeadCommand command, boolean contact) {
        LeadStatus next = switch (command) {
            case EDIT, ASSIGN -> OPEN.contains(current) ? current : null;
            case LOG_ACTIVITY -> !OPEN.contains(current) ? null
                    : contact && current == LeadStatus.NEW ? LeadStatus.CONTACTED : current;
            case QUALIFY -> current == LeadStatus.CONTACTED ? LeadStatus.QUALIFIED : null;
            case DISQUALIFY -> OPEN.contains(current) ? LeadStatus.DISQUALIFIED : null;
            case HAND_OFF -> current == LeadStatus.QUALIFIED ? LeadStatus.HANDED_OFF : null;
            case REOPEN -> current == LeadStatus.DISQUALIFIED ? LeadStatus.NEW : null;
        };
        if (next == null) {
            throw new StateConflict(current, command, describe(current, command));
        }
        return next;
    }

    public static LeadStatus next(LeadStatus current, LeadCommand command) {
        return next(current, command, false);
    }

    private static String describe(LeadStatus current, LeadCommand command) {
        String what = switch (command) {
            case EDIT -> "edited";
            case ASSIGN -> "assigned";
            case LOG_ACTIVITY -> "given activities";
            case QUALIFY -> "qualified (it must be CONTACTED)";
            case DISQUALIFY -> "disqualified";
            case HAND_OFF -> "handed off (it must be QUALIFIED)";
            case REOPEN -> "reopened (only a DISQUALIFIED lead can be)";
        };
        return "A " + current + " lead cannot be " + what;
    }
}
