package dev.salesplatform.lead.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.domain.ScoreReason;

/** A lead as callers see it. Sections that do not apply yet (qualification, ...) are null. */
public record LeadResponse(UUID id, String firstName, String lastName, String email, String phone, String title,
                           CompanyDto company, LeadSource source, AttributionDto attribution, UUID ownerId,
                           LeadStatus status, int score, List<ScoreReason> scoreReasons, Money estimatedValue,
                           String notes, Qualification qualification, Disqualification disqualification,
                           Handoff handoff, Instant lastActivityAt, Instant createdAt, Instant updatedAt,
                           long version) {

    /** BANT: budget, authority, need, timeline. */
    @Schema(name = "LeadQualification")
    public record Qualification(Money budget, String authority, String need, LocalDate timeline,
                                Instant qualifiedAt) {
    }

    @Schema(name = "LeadDisqualification")
    public record Disqualification(DisqualifyReason reason, String note, Instant disqualifiedAt) {
    }

    @Schema(name = "LeadHandoff")
    public record Handoff(UUID accountExecutiveId, Instant handedOffAt) {
    }
}
