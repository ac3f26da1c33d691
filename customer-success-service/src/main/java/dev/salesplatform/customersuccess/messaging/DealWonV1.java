package dev.salesplatform.customersuccess.messaging;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.salesplatform.kit.money.Money;

/**
 * This service's tolerant reader of {@code deal.won.v1} (docs/event-catalogue.json): the members
 * onboarding needs, read by the kit's input rules; every other member is ignored. The contract and
 * the contact are checked by {@link DealWonConsumer}.
 */
public record DealWonV1(@JsonProperty(required = true) UUID dealId, UUID leadId, String companyName, Contact contact,
                        Contract contract, @JsonProperty(required = true) String actorId) {

    public record Contact(String firstName, String lastName, String email, String phone) {
    }

    public record Contract(LocalDate startDate, Integer termMonths, Money monthlyRecurringRevenue) {
    }
}
