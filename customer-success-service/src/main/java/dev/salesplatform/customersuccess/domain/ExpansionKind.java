package dev.salesplatform.customersuccess.domain;

/** What a caller may name as the cause of an expansion. */
public enum ExpansionKind {
    UPSELL, CROSS_SELL;

    public MovementKind movement() {
        return MovementKind.valueOf(name());
    }
}
