package dev.salesplatform.deal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.deal.domain.DealStatus;
import dev.salesplatform.deal.domain.LostReason;
import dev.salesplatform.kit.money.Money;

/** A deal as callers see it; {@code team}: who works it besides the owner. {@code won} and {@code lost} are null until the deal closes that way. */
public record DealResponse(UUID id, String name, String companyName, ContactDto contact, Money amount,
                           LocalDate expectedCloseDate, UUID pipelineId, String stage, BigDecimal winProbability,
                           Instant stageEnteredAt, DealStatus status, UUID ownerId, List<TeamMemberDto> team,
                           UUID leadId, Won won, Lost lost,
                           String createdBy, Instant createdAt, Instant updatedAt, long version) {

    @Schema(name = "DealWinDetails")
    public record Won(Money finalAmount, ContractDto contract, Instant closedAt) {
    }

    @Schema(name = "DealLossDetails")
    public record Lost(LostReason reason, String competitor, Instant closedAt) {
    }
}
