package dev.salesplatform.lead.messaging;

import java.util.UUID;

import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;

/** Payload of {@code lead.created.v1}: a lead entered the funnel (see docs/event-catalogue.json). */
public record LeadCreatedV1(UUID leadId, String firstName, String lastName, String email, String phone,
                            String title, String company, LeadSource source, LeadStatus status, UUID ownerId) {
}
