package dev.salesplatform.deal.domain;

/**
 * The deal lifecycle: an OPEN deal moves between the open stages of its pipeline, and closes once,
 * as WON (into the pipeline's won stage) or LOST (into its lost stage). A closed deal takes no edits,
 * moves, wins or losses. Moving into a closed stage is done by winning or losing, never by a move.
 */
public final class DealStateMachine {

    private DealStateMachine() {
    }

    /**
     * The status after {@code command}, or {@link IllegalTransitionException} when the command is not
     * allowed. For {@link DealCommand#MOVE_STAGE}, {@code targetClosed} tells whether the target stage
     * closes deals; the other commands ignore it.
     */
    public static DealStatus next(DealStatus current, String currentStage, DealCommand command, boolean targetClosed) {
        DealStatus next = current != DealStatus.OPEN ? null : switch (command) {
            case EDIT -> DealStatus.OPEN;
            case MOVE_STAGE -> targetClosed ? null : DealStatus.OPEN;
            case WIN -> DealStatus.WON;
            case LOSE -> DealStatus.LOST;
        };
        if (next == null) {
            throw new IllegalTransitionException(current, currentStage, command);
        }
        return next;
    }

    public static DealStatus next(DealStatus current, String currentStage, DealCommand command) {
        return next(current, currentStage, command, false);
    }
}
