package dev.salesplatform.customersuccess.domain;

/** What a caller may name as the cause of a contraction. */
public enum ContractionKind {
    DOWNGRADE, SEAT_REDUCTION, DISCOUNT;

    public MovementKind movement() {
        return MovementKind.valueOf(name());
    }
}
