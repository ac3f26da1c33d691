package dev.salesplatform.lead.domain;

/** A command the lead's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final LeadStatus current;
    private final LeadCommand command;

    public IllegalTransitionException(LeadStatus current, LeadCommand command) {
        super(describe(current, command));
        this.current = current;
        this.command = command;
    }

    public LeadStatus current() {
        return current;
    }

    public LeadCommand command() {
        return command;
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
