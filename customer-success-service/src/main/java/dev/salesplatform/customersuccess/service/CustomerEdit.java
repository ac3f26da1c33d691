package dev.salesplatform.customersuccess.service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.salesplatform.customersuccess.domain.CompanyMatch;
import dev.salesplatform.customersuccess.persistence.Customer;

/**
 * The caller-editable profile of a customer: what an edit changes. Status, CSM, MRR, health and
 * contracts change only through commands. {@code contact} is null when the customer has none.
 */
public record CustomerEdit(String companyName, String domain, CustomerContact contact, String notes) {

    /** The customer's profile as it is. */
    static CustomerEdit of(Customer customer) {
        return new CustomerEdit(customer.companyName, customer.domain, CustomerView.contact(customer), customer.notes);
    }

    /** As stored: the company name trimmed, the domain in lower case, no empty contact. */
    CustomerEdit normalized() {
        return new CustomerEdit(companyName.strip(), domain == null ? null : domain.strip().toLowerCase(Locale.ROOT),
                CustomerContact.NONE.equals(contact) ? null : contact, notes);
    }

    /** Writes this (normalized) profile to the customer; returns each changed field path with its new value. */
    Map<String, Object> applyTo(Customer customer) {
        Map<String, Object> changes = new LinkedHashMap<>();
        CustomerContact next = contact == null ? CustomerContact.NONE : contact;
        customer.companyName = set(changes, "companyName", customer.companyName, companyName);
        if (changes.containsKey("companyName")) {
            customer.companyKey = CompanyMatch.key(customer.companyName);
        }
        customer.domain = set(changes, "domain", customer.domain, domain);
        customer.contactFirstName = set(changes, "contact.firstName", customer.contactFirstName, next.firstName());
        customer.contactLastName = set(changes, "contact.lastName", customer.contactLastName, next.lastName());
        customer.contactEmail = set(changes, "contact.email", customer.contactEmail, next.email());
        customer.contactPhone = set(changes, "contact.phone", customer.contactPhone, next.phone());
        customer.notes = set(changes, "notes", customer.notes, notes);
        return changes;
    }

    private static <T> T set(Map<String, Object> changes, String field, T current, T next) {
        if (!Objects.equals(current, next)) {
            changes.put(field, next);
        }
        return next;
    }
}
