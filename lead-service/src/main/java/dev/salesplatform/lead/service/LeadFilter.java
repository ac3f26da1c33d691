package dev.salesplatform.lead.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.lead.domain.LeadSort;
import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;

/** Filters of the lead list; null means "any". {@code text} matches name, email and company. */
public record LeadFilter(LeadStatus status, UUID owner, LeadSource source, Instant createdFrom, Instant createdTo,
                         String text, LeadSort sort) {
}
