package dev.salesplatform.lead.messaging;

import java.time.LocalDate;
import java.util.UUID;

/** Payload of {@code lead.qualified.v1}: BANT recorded, the lead is likely to buy. */
public record LeadQualifiedV1(UUID leadId, UUID ownerId, MoneyV1 budget, String authority, String need,
                              LocalDate timeline, int score) {
}
