package dev.salesplatform.lead.domain;

/** How the lead reached us: the first dimension of marketing attribution. */
public enum LeadSource {
    WEB_FORM, REFERRAL, EVENT, OUTBOUND, PARTNER, MARKETING_AUTOMATION, OTHER
}
