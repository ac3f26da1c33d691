package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.deal.domain.DealStatus;
import dev.salesplatform.deal.domain.LostReason;
import dev.salesplatform.kit.money.Money;

/**
 * A deal as the use cases answer it: {@code team} works it besides the owner; {@code won} and
 * {@code lost} are null until the deal closes that way; {@code contact} is null when it has none.
 */
public record DealView(UUID id, String name, String companyName, Contact contact, Money amount,
                       LocalDate expectedCloseDate, UUID pipelineId, String stage, BigDecimal winProbability,
                       Instant stageEnteredAt, DealStatus status, UUID ownerId, List<TeamMemberView> team,
                       UUID leadId, Won won, Lost lost, String createdBy, Instant createdAt, Instant updatedAt,
                       long version) {

    public record Won(Money finalAmount, Contract contract, Instant closedAt) {
    }

    public record Contract(LocalDate startDate, int termMonths, Money monthlyRecurringRevenue) {
    }

    public record Lost(LostReason reason, String competitor, Instant closedAt) {
    }
}
