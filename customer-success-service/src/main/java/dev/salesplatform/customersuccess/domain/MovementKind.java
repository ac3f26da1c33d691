package dev.salesplatform.customersuccess.domain;

/**
 * Every cause of an MRR movement in customer.expanded.v1 / customer.contracted.v1: the callers'
 * kinds, plus NEW_CONTRACT (a further won deal of a customer), RENEWAL (the MRR difference at a
 * renewal) and NON_RENEWAL (one of several contracts not renewed).
 */
public enum MovementKind {
    UPSELL, CROSS_SELL, NEW_CONTRACT, RENEWAL, DOWNGRADE, SEAT_REDUCTION, DISCOUNT, NON_RENEWAL
}
