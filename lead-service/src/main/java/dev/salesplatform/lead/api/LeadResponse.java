package dev.salesplatform.lead.api;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.persistence.Lead;

public record LeadResponse(UUID id, String firstName, String lastName, String email, String phone, String title,
                           String company, LeadSource source, LeadStatus status, UUID ownerId,
                           Instant createdAt, Instant updatedAt, long version) {

    public static LeadResponse from(Lead lead) {
        return new LeadResponse(lead.id, lead.firstName, lead.lastName, lead.email, lead.phone, lead.title,
                lead.company, lead.source, lead.status, lead.ownerId, lead.createdAt, lead.updatedAt, lead.version);
    }
}
