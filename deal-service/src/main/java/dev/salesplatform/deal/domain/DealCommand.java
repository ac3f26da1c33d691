package dev.salesplatform.deal.domain;

/** What can be done to a deal; the state machine says in which status. */
public enum DealCommand {
    EDIT, MOVE_STAGE, WIN, LOSE
}
