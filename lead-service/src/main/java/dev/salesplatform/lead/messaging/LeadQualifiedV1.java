package dev.salesplatform.lead.messaging;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/** Payload of {@code lead.qualified.v1}: BANT recorded, the lead is likely to buy. */
public record LeadQualifiedV1(UUID leadId, UUID ownerId, Money budget, String authority, String need,
                              LocalDate timeline, int score) {
}
