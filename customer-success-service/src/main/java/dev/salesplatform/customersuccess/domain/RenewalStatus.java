package dev.salesplatform.customersuccess.domain;

/** A renewal is OPEN until decided, once: RENEWED (a new contract) or CHURNED (not renewed). */
public enum RenewalStatus {
    OPEN, RENEWED, CHURNED
}
