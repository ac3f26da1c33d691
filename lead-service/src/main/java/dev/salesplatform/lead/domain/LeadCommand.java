package dev.salesplatform.lead.domain;

/** What can be done to a lead; the state machine says in which states. */
public enum LeadCommand {
    EDIT, ASSIGN, LOG_ACTIVITY, QUALIFY, DISQUALIFY, HAND_OFF, REOPEN
}
