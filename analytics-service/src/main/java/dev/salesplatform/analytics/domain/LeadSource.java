package dev.salesplatform.analytics.domain;

/**
 * Lead sources, the marketing-attribution dimension of the funnel. Analytics keeps its own copy of
 * the values it reads from lead events (tolerant reader), no class shared with lead-service.
 */
public enum LeadSource {
    WEB_FORM, REFERRAL, EVENT, OUTBOUND, PARTNER, MARKETING_AUTOMATION, OTHER
}
