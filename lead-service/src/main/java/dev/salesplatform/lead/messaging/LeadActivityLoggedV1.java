package dev.salesplatform.lead.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.lead.domain.ActivityType;
import dev.salesplatform.lead.domain.LeadStatus;

/** Payload of {@code lead.activity-logged.v1}; a first contact moves the lead from NEW to CONTACTED. */
public record LeadActivityLoggedV1(UUID leadId, UUID activityId, ActivityType activityType, String outcome,
                                   Instant activityAt, UUID ownerId, LeadStatus previousStatus, LeadStatus status,
                                   int score) {
}
