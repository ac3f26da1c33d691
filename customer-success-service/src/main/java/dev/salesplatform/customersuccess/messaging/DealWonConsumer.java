package dev.salesplatform.customersuccess.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.customersuccess.domain.ContractTerm;
import dev.salesplatform.customersuccess.domain.MoneyRules;
import dev.salesplatform.customersuccess.persistence.OnboardingService;
import dev.salesplatform.customersuccess.persistence.WonDeal;
import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.EventTypes;
import dev.salesplatform.kit.messaging.IdempotentEventHandler;
import dev.salesplatform.kit.messaging.InvalidEventException;
import dev.salesplatform.kit.validation.ContractDates;
import io.smallrye.mutiny.Uni;

/**
 * Onboards the customer of a won deal ({@code deal.won.v1}), once per deal: the processed event id
 * guards against redelivery, the unique deal id on contracts against the same deal under another
 * event id. A won deal without a usable contract, or with a text or date that breaks the input rules
 * its producer applies ({@link InputRules}), can never be onboarded: it is dead-lettered, naming the field.
 */
@ApplicationScoped
public class DealWonConsumer extends IdempotentEventHandler {

    static final String CONSUMER = "customer-success.deal-events";
    static final String WON = "deal.won.v1";
    /** What this consumer does with each type of sales.deal.events. */
    public static final EventTypes TYPES = new EventTypes(Set.of(WON), Set.of("deal.created.v1", "deal.updated.v1",
            "deal.team-changed.v1", "deal.stage-changed.v1", "deal.lost.v1", "deal.proposal-changed.v1",
            "deal.obstacle-changed.v1"));
    private static final int MAX_TEXT = 200;

    @Inject
    OnboardingService onboarding;

    @Incoming("deal-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    protected EventTypes types() {
        return TYPES;
    }

    @Override
    protected Uni<Void> onEvent(CloudEvent event) {
        return onboarding.onboard(read(event), checked(event, event.text("actorId"), "actorId"));
    }

    /** The deal's fields, or {@link InvalidEventException} when they cannot make a customer and contract. */
    static WonDeal read(CloudEvent event) {
        UUID dealId = uuid(event, event.text("dealId"));
        String lead = event.optionalText("leadId");
        JsonNode contact = event.data().path("contact");
        JsonNode contract = event.data().path("contract");
        JsonNode mrr = contract.path("monthlyRecurringRevenue");
        if (!contract.isObject() || !mrr.isObject()) {
            throw new InvalidEventException("won deal " + dealId + " has no contract with monthlyRecurringRevenue");
        }
        LocalDate start = startDate(dealId, contract.path("startDate"));
        BigDecimal amount;
        String currency = text(event, mrr, "contract.monthlyRecurringRevenue.currency");
        int term = contract.path("termMonths").asInt(-1);
        try {
            amount = MoneyRules.round(new BigDecimal(mrr.path("amount").asText()), currency);
        } catch (NumberFormatException e) {
            throw new InvalidEventException("won deal " + dealId + " has an unusable contract MRR");
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("won deal " + dealId + ": " + e.getMessage());
        }
        if (amount.signum() < 0 || amount.compareTo(MoneyRules.MAX) > 0
                || term < ContractTerm.MIN_MONTHS || term > ContractTerm.MAX_MONTHS) {
            throw new InvalidEventException("won deal " + dealId + " has an MRR or term out of range");
        }
        return new WonDeal(dealId, lead == null ? null : uuid(event, lead),
                limit(checked(event, event.optionalText("companyName"), "companyName")),
                limit(text(event, contact, "contact.firstName")), limit(text(event, contact, "contact.lastName")),
                email(text(event, contact, "contact.email")), phone(text(event, contact, "contact.phone")), start, term,
                amount, currency);
    }

    /** contract.startDate: a date by {@link InputRules}, in the years a contract can start in ({@link ContractDates}). */
    private static LocalDate startDate(UUID dealId, JsonNode node) {
        LocalDate start = node.isTextual() ? InputRules.parseDate(node.asText()) : null;
        if (start == null || !ContractDates.Validator.inRange(start)) {
            throw new InvalidEventException("won deal " + dealId + " has an unusable contract.startDate: it must be a date"
                    + " yyyy-MM-dd in the years " + ContractDates.MIN_YEAR + " to " + ContractDates.MAX_YEAR);
        }
        return start;
    }

    /** The text at {@code path} (its last segment a member of {@code node}), stripped; null when absent or blank. */
    private static String text(CloudEvent event, JsonNode node, String path) {
        JsonNode value = node.path(path.substring(path.lastIndexOf('.') + 1));
        String text = value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().strip() : null;
        return checked(event, text, path);
    }

    /** {@code text} when it keeps {@link InputRules}; the event is poison otherwise. */
    private static String checked(CloudEvent event, String text, String field) {
        String violation = text == null ? null : InputRules.textViolation(text);
        if (violation != null) {
            throw new InvalidEventException("event " + event.id() + " (" + event.type() + ") has an unusable " + field
                    + ": it " + violation);
        }
        return text;
    }

    /**
     * Tolerant reader: what does not fit this service's columns is cut, not a reason to refuse the
     * customer; never between the halves of a surrogate pair.
     */
    private static String limit(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT);
    }

    private static String email(String email) {
        return email == null || email.length() > 254 || !email.contains("@") ? null : email;
    }

    private static String phone(String phone) {
        return phone == null || phone.length() > 40 ? null : phone;
    }

    private static UUID uuid(CloudEvent event, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event " + event.id() + " carries an invalid id " + value);
        }
    }
}
