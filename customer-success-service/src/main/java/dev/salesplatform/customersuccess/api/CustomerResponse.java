package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.kit.money.Money;

/**
 * A customer as callers see it. {@code mrr}: the MRR of the contracts in force, one entry per
 * currency (contracts may differ in currency); {@code contracts}: those contracts;
 * {@code nextRenewalDate}: the earliest end date among them; {@code churn} is null unless CHURNED.
 */
public record CustomerResponse(UUID id, String companyName, String domain, ContactDto contact, String notes,
                               CustomerStatus status, UUID csmId, UUID leadId, UUID dealId, List<Money> mrr,
                               List<ContractDto> contracts, HealthDto health, LocalDate nextRenewalDate,
                               Instant lastTouchpointAt, Churn churn, Instant createdAt, Instant updatedAt,
                               long version) {

    @Schema(name = "CustomerChurn")
    public record Churn(ChurnReason reason, Instant churnedAt) {
    }
}
