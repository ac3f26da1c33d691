package dev.salesplatform.lead.service;

import java.time.Instant;

import dev.salesplatform.lead.domain.ActivityType;

/** Something the SDR did; {@code occurredAt} null means now. */
public record ActivityDraft(ActivityType type, String outcome, String notes, Instant occurredAt) {
}
