package dev.salesplatform.customersuccess.domain;

/**
 * ACTIVE: in force (counted in MRR) until its renewal is decided, even past its end date;
 * RENEWED: succeeded by the contract of its renewal; CHURNED: ended unrenewed.
 */
public enum ContractStatus {
    ACTIVE, RENEWED, CHURNED
}
