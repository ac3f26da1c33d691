package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.RenewalStatus;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.customersuccess.persistence.Renewal;
import dev.salesplatform.kit.money.Money;

/**
 * The renewal of one contract term, due on the contract's end date; {@code csmId} is the customer's
 * CSM; {@code newContractId} is set once RENEWED, {@code churnReason} once CHURNED.
 */
public record RenewalView(UUID id, UUID customerId, String companyName, UUID contractId, UUID csmId,
                          LocalDate dueDate, Money currentMrr, RenewalStatus status, UUID newContractId,
                          ChurnReason churnReason, String churnNote, String decidedBy, Instant decidedAt,
                          Instant createdAt, Instant updatedAt, long version) {

    static RenewalView of(Renewal r, Customer customer) {
        return new RenewalView(r.id, r.customerId, customer.companyName, r.contractId, customer.csmId, r.dueDate,
                Money.of(r.currentMrr, r.currency), r.status, r.newContractId, r.churnReason, r.churnNote,
                r.decidedBy, r.decidedAt, r.createdAt, r.updatedAt, r.version);
    }
}
