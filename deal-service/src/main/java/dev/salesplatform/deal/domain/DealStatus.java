package dev.salesplatform.deal.domain;

/** Where a deal stands overall: still being worked, or closed as won or lost. */
public enum DealStatus {
    OPEN, WON, LOST
}
