package dev.salesplatform.deal.messaging;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/**
 * Payload of {@code deal.won.v1}: everything customer-success needs to onboard the customer without
 * asking deal-service (owner, company, contact, final amount and contract); {@code overrideReason} is set
 * when the deal was won despite open obstacles.
 */
public record DealWonV1(UUID dealId, UUID leadId, UUID ownerId, String name, String companyName, ContactV1 contact,
                        Money finalAmount, Contract contract, UUID pipelineId, String from, String stage,
                        long secondsInPreviousStage, String overrideReason) {

    public record Contract(LocalDate startDate, int termMonths, Money monthlyRecurringRevenue) {
    }
}
