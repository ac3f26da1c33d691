package dev.salesplatform.customersuccess.domain;

/** What callers (and the renewal job) do to a customer; {@link CustomerStateMachine} says where each is allowed. */
public enum CustomerCommand {
    EDIT, ASSIGN, TOUCHPOINT, MOVE_REVENUE, OPEN_RENEWAL, RENEW, CHURN
}
