package dev.salesplatform.customersuccess.domain;

/** A customer is ACTIVE while at least one contract is in force, CHURNED once the last one ended unrenewed. */
public enum CustomerStatus {
    ACTIVE, CHURNED
}
