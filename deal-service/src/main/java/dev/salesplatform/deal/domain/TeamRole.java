package dev.salesplatform.deal.domain;

/** What a deal team member does on the deal. */
public enum TeamRole {
    SALES_SPECIALIST, ACCOUNT_EXECUTIVE
}
