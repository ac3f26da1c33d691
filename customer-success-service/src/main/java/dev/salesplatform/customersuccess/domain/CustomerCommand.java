package dev.salesplatform.customersuccess.domain;

/** What callers do to a customer; {@link CustomerStateMachine} says in which status each is allowed. */
public enum CustomerCommand {
    EDIT, ASSIGN, TOUCHPOINT, MOVE_REVENUE, RENEW, CHURN
}
