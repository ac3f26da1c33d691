package dev.salesplatform.lead.messaging;

import java.util.UUID;

import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.LeadStatus;

/** Payload of {@code lead.disqualified.v1}. */
public record LeadDisqualifiedV1(UUID leadId, UUID ownerId, DisqualifyReason reason, String note,
                                 LeadStatus previousStatus) {
}
