package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.persistence.Contract;
import dev.salesplatform.kit.money.Money;

/** A contract term: in force on [startDate, endDate) (endDate exclusive = startDate + termMonths). */
public record ContractView(UUID id, UUID customerId, UUID dealId, UUID renewalId, LocalDate startDate,
                           LocalDate endDate, int termMonths, Money mrr, ContractStatus status, Instant createdAt,
                           Instant updatedAt, long version) {

    static ContractView of(Contract c) {
        return new ContractView(c.id, c.customerId, c.dealId, c.renewalId, c.startDate, c.endDate, c.termMonths,
                Money.of(c.mrrAmount, c.currency), c.status, c.createdAt, c.updatedAt, c.version);
    }
}
