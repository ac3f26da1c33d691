package dev.salesplatform.customersuccess.domain;

/** Where a customer posted a public review. */
public enum ReviewPlatform {
    G2, CAPTERRA, TRUSTPILOT, GARTNER_PEER_INSIGHTS, OTHER
}
