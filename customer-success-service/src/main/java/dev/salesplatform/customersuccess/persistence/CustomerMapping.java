package dev.salesplatform.customersuccess.persistence;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.salesplatform.customersuccess.api.ContactDto;
import dev.salesplatform.customersuccess.api.ContractDto;
import dev.salesplatform.customersuccess.api.CustomerFields;
import dev.salesplatform.customersuccess.api.CustomerResponse;
import dev.salesplatform.customersuccess.api.HealthDto;
import dev.salesplatform.customersuccess.api.MoneyDto;
import dev.salesplatform.customersuccess.api.RenewalResponse;
import dev.salesplatform.customersuccess.domain.CompanyMatch;
import dev.salesplatform.customersuccess.domain.ContractStatus;

/** Copies the caller-editable fields between the API shape and the entity, and shows customers and renewals. */
final class CustomerMapping {

    private CustomerMapping() {
    }

    static CustomerFields editable(Customer customer) {
        return new CustomerFields(customer.companyName, customer.domain, contact(customer), customer.notes);
    }

    /** The fields as stored: the company name trimmed, the domain in lower case, no empty contact. */
    static CustomerFields normalize(CustomerFields fields) {
        ContactDto contact = fields.contact() == null || fields.contact().equals(new ContactDto(null, null, null, null))
                ? null : fields.contact();
        return new CustomerFields(fields.companyName().strip(),
                fields.domain() == null ? null : fields.domain().strip().toLowerCase(Locale.ROOT), contact,
                fields.notes());
    }

    /** Writes normalized {@code fields} to the customer; returns each changed field path with its new value. */
    static Map<String, Object> apply(CustomerFields fields, Customer customer) {
        Map<String, Object> changes = new LinkedHashMap<>();
        ContactDto contact = fields.contact() == null ? new ContactDto(null, null, null, null) : fields.contact();
        customer.companyName = set(changes, "companyName", customer.companyName, fields.companyName());
        if (changes.containsKey("companyName")) {
            customer.companyKey = CompanyMatch.key(customer.companyName);
        }
        customer.domain = set(changes, "domain", customer.domain, fields.domain());
        customer.contactFirstName = set(changes, "contact.firstName", customer.contactFirstName, contact.firstName());
        customer.contactLastName = set(changes, "contact.lastName", customer.contactLastName, contact.lastName());
        customer.contactEmail = set(changes, "contact.email", customer.contactEmail, contact.email());
        customer.contactPhone = set(changes, "contact.phone", customer.contactPhone, contact.phone());
        customer.notes = set(changes, "notes", customer.notes, fields.notes());
        return changes;
    }

    /** The earliest end date among the contracts in force, or null. */
    static void refreshNextRenewal(Customer customer) {
        customer.nextRenewalDate = customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE)
                .map(c -> c.endDate).min(Comparator.naturalOrder()).orElse(null);
    }

    static CustomerResponse response(Customer customer) {
        Map<String, BigDecimal> mrr = new TreeMap<>();
        customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE)
                .forEach(c -> mrr.merge(c.currency, c.mrrAmount, BigDecimal::add));
        return new CustomerResponse(customer.id, customer.companyName, customer.domain, contact(customer),
                customer.notes, customer.status, customer.csmId, customer.leadId, customer.dealId,
                mrr.entrySet().stream().map(e -> MoneyDto.of(e.getValue(), e.getKey())).toList(),
                customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE)
                        .map(CustomerMapping::contract).toList(),
                new HealthDto(customer.healthScore, customer.healthBand, customer.healthReasons,
                        customer.healthComputedOn),
                customer.nextRenewalDate, customer.lastTouchpointAt,
                customer.churnedAt == null ? null : new CustomerResponse.Churn(customer.churnReason, customer.churnedAt),
                customer.createdAt, customer.updatedAt, customer.version);
    }

    static ContractDto contract(Contract c) {
        return new ContractDto(c.id, c.customerId, c.dealId, c.renewalId, c.startDate, c.endDate, c.termMonths,
                MoneyDto.of(c.mrrAmount, c.currency), c.status, c.createdAt, c.updatedAt, c.version);
    }

    static RenewalResponse renewal(Renewal r, Customer customer) {
        return new RenewalResponse(r.id, r.customerId, customer.companyName, r.contractId, customer.csmId, r.dueDate,
                MoneyDto.of(r.currentMrr, r.currency), r.status, r.newContractId, r.churnReason, r.churnNote,
                r.decidedBy, r.decidedAt, r.createdAt, r.updatedAt, r.version);
    }

    private static ContactDto contact(Customer customer) {
        if (customer.contactFirstName == null && customer.contactLastName == null && customer.contactEmail == null
                && customer.contactPhone == null) {
            return null;
        }
        return new ContactDto(customer.contactFirstName, customer.contactLastName, customer.contactEmail,
                customer.contactPhone);
    }

    private static <T> T set(Map<String, Object> changes, String field, T current, T next) {
        if (!Objects.equals(current, next)) {
            changes.put(field, next);
        }
        return next;
    }
}
