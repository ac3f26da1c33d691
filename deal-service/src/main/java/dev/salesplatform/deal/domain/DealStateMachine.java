package dev.salesplatform.deal.domain;

import dev.salesplatform.kit.problem.StateConflict;

/**
 * The deal lifecycle: an OPEN deal moves between the open stages of its pipeline, and closes once,
 * as WON (into the pipeline's won stage) or LOST (into its lost stage). A closed deal takes no edits,
 * moves, wins or losses. Moving into a closed stage is done by winning or losing, never by a move.
 */
public final class DealStateMachine {

    private DealStateMachine() {
    }

    /**
     * The status after {@code command}, or a {@link StateConflict} naming the deal's status and
     * {@code currentStage} when the command is not allowed. For {@link DealCommand#MOVE_STAGE},
     * {@code targetClosed} tells whether the target stage closes deals; the other commands ignore it.
     */
    public static DealStatus next(DealStatus current, String currentStage, DealCommand command, boolean targetClosed) {
        DealStatus next = current != DealStatus.OPEN ? null : switch (command) {
            case EDIT -> DealStatus.OPEN;
            case MOVE_STAGE -> targetClosed ? null : DealStatus.OPEN;
            case WIN -> DealStatus.WON;
            case LOSE -> DealStatus.LOST;
        };
        if (next == null) {
            throw new StateConflict(current, command, describe(current, currentStage, command))
                    .with("currentStage", currentStage);
        }
        return next;
    }

    public static DealStatus next(DealStatus current, String currentStage, DealCommand command) {
        return next(current, currentStage, command, false);
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
