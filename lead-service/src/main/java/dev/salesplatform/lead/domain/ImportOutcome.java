package dev.salesplatform.lead.domain;

/** What importing one valid row did. */
public enum ImportOutcome {
    CREATED, UPDATED, SKIPPED
}
