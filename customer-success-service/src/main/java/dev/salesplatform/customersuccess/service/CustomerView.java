package dev.salesplatform.customersuccess.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.kit.money.Money;

/**
 * A customer as the service shows it. {@code mrr}: the MRR of the contracts in force, one entry per
 * currency (contracts may differ in currency); {@code contracts}: those contracts;
 * {@code nextRenewalDate}: the earliest end date among them; {@code churn} is null unless CHURNED.
 */
public record CustomerView(UUID id, String companyName, String domain, CustomerContact contact, String notes,
                           CustomerStatus status, UUID csmId, UUID leadId, UUID dealId, List<Money> mrr,
                           List<ContractView> contracts, HealthView health, LocalDate nextRenewalDate,
                           Instant lastTouchpointAt, Churn churn, Instant createdAt, Instant updatedAt, long version) {

    public record Churn(ChurnReason reason, Instant churnedAt) {
    }

    /** {@code customer} with its contracts loaded. */
    static CustomerView of(Customer customer) {
        Map<String, BigDecimal> mrr = new TreeMap<>();
        customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE)
                .forEach(c -> mrr.merge(c.currency, c.mrrAmount, BigDecimal::add));
        return new CustomerView(customer.id, customer.companyName, customer.domain, contact(customer),
                customer.notes, customer.status, customer.csmId, customer.leadId, customer.dealId,
                mrr.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList(),
                customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE).map(ContractView::of)
                        .toList(),
                new HealthView(customer.healthScore, customer.healthBand, customer.healthReasons,
                        customer.healthComputedOn),
                customer.nextRenewalDate, customer.lastTouchpointAt,
                customer.churnedAt == null ? null : new Churn(customer.churnReason, customer.churnedAt),
                customer.createdAt, customer.updatedAt, customer.version);
    }

    /** The customer's contact, or null when it has none. */
    static CustomerContact contact(Customer customer) {
        CustomerContact contact = new CustomerContact(customer.contactFirstName, customer.contactLastName,
                customer.contactEmail, customer.contactPhone);
        return CustomerContact.NONE.equals(contact) ? null : contact;
    }
}
