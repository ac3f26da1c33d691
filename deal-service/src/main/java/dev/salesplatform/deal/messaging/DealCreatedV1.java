package dev.salesplatform.deal.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/** Payload of {@code deal.created.v1}: a deal was opened (see docs/event-catalogue.json). */
public record DealCreatedV1(UUID dealId, String name, String companyName, ContactV1 contact, Money amount,
                            LocalDate expectedCloseDate, UUID pipelineId, String stage, BigDecimal winProbability,
                            UUID ownerId, UUID leadId) {
}
