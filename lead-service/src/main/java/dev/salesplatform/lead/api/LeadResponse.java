package dev.salesplatform.lead.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.domain.ScoreReason;

/** A lead as callers see it. Sections that do not apply yet (qualification, ...) are null. */
public record LeadResponse(UUID id, String firstName, String lastName, String email, String phone, String title,
                           CompanyDto company, LeadSource source, AttributionDto attribution, UUID ownerId,
                           LeadStatus status, int score, List<ScoreReason> scoreReasons, MoneyDto estimatedValue,
                           String notes, Qualification qualification, Disqualification disqualification,
                           Handoff handoff, Instant lastActivityAt, Instant createdAt, Instant updatedAt,
                           long version) {

    /** BANT: budget, authority, need, timeline. */
    public record Qualification(MoneyDto budget, String authority, String need, LocalDate timeline,
                                Instant qualifiedAt) {
    }

    public record Disqualification(DisqualifyReason reason, String note, Instant disqualifiedAt) {
    }

    public record Handoff(UUID accountExecutiveId, Instant handedOffAt) {
    }
}
