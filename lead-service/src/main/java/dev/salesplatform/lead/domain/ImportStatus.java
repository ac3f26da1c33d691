package dev.salesplatform.lead.domain;

/** Where an import stands: RECEIVED -> PROCESSING -> COMPLETED, or FAILED when its body broke off part-way. */
public enum ImportStatus {
    RECEIVED, PROCESSING, COMPLETED, FAILED
}
