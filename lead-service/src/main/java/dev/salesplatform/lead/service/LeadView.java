package dev.salesplatform.lead.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.domain.ScoreReason;

/**
 * A lead as its use cases answer it: its fields and where it is in its lifecycle. Sections that do not
 * apply yet (qualification, ...) are null; money is in its currency's minor units.
 */
public record LeadView(UUID id, LeadDraft fields, UUID ownerId, LeadStatus status, int score,
                       List<ScoreReason> scoreReasons, Qualification qualification, Disqualification disqualification,
                       Handoff handoff, Instant lastActivityAt, String referralId, Instant createdAt, Instant updatedAt,
                       long version) {

    /** BANT: budget, authority, need, timeline. */
    public record Qualification(Money budget, String authority, String need, LocalDate timeline, Instant qualifiedAt) {
    }

    public record Disqualification(DisqualifyReason reason, String note, Instant disqualifiedAt) {
    }

    public record Handoff(UUID accountExecutiveId, Instant handedOffAt) {
    }
}
