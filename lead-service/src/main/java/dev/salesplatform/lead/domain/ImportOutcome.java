package dev.salesplatform.lead.domain;

/**
 * What importing one valid row did. REFUSED: its email names an open lead that the importer may
 * not edit (as by PATCH); the row is skipped with that reason.
 */
public enum ImportOutcome {
    CREATED, UPDATED, SKIPPED, REFUSED
}
