package dev.salesplatform.lead.domain;

public enum DisqualifyReason {
    NO_BUDGET, NO_NEED, NO_AUTHORITY, BAD_TIMING, COMPETITOR, UNRESPONSIVE, INVALID, OTHER
}
