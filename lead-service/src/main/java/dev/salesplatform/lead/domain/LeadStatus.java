package dev.salesplatform.lead.domain;

/** Where a lead stands: NEW -> CONTACTED -> QUALIFIED -> HANDED_OFF; any open state -> DISQUALIFIED. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, HANDED_OFF, DISQUALIFIED
}
