package dev.salesplatform.deal.domain;

/** A command the deal's status (or the target stage) does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final DealStatus current;
    private final String currentStage;
    private final DealCommand command;

    public IllegalTransitionException(DealStatus current, String currentStage, DealCommand command) {
        super(describe(current, currentStage, command));
        this.current = current;
        this.currentStage = currentStage;
        this.command = command;
    }

    public DealStatus current() {
        return current;
    }

    public String currentStage() {
        return currentStage;
    }

    public DealCommand command() {
        return command;
    }

    private static String describe(DealStatus current, String currentStage, DealCommand command) {
        if (current == DealStatus.OPEN) {
            return "A deal moves into a closed stage only by win or lose";
        }
        String what = switch (command) {
            case EDIT -> "edited";
            case MOVE_STAGE -> "moved to another stage";
            case WIN -> "won";
            case LOSE -> "lost";
        };
        return "A " + current + " deal (in stage " + currentStage + ") cannot be " + what;
    }
}
