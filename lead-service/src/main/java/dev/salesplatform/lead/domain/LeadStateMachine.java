package dev.salesplatform.lead.domain;

import java.util.Set;

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
     * The status after {@code command}, or {@link IllegalTransitionException} when the command is not
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
            throw new IllegalTransitionException(current, command);
        }
        return next;
    }

    public static LeadStatus next(LeadStatus current, LeadCommand command) {
        return next(current, command, false);
    }
}
