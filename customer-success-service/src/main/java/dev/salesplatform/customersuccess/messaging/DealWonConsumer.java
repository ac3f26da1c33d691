package dev.salesplatform.customersuccess.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.salesplatform.customersuccess.domain.ContractTerm;
import dev.salesplatform.customersuccess.domain.MrrRules;
import dev.salesplatform.customersuccess.service.OnboardingService;
import dev.salesplatform.customersuccess.service.WonDeal;
import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.EventTypes;
import dev.salesplatform.kit.messaging.IdempotentConsumer;
import dev.salesplatform.kit.messaging.IdempotentEventHandler;
import dev.salesplatform.kit.messaging.InvalidEventException;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.validation.ContractDates;
import io.smallrye.mutiny.Uni;

/**
 * Onboards the customer of a won deal ({@code deal.won.v1}), once per deal: the processed event id
 * guards against redelivery, the unique deal id on contracts against the same deal under another
 * event id. A won deal without a usable contract, or with a text or date that breaks the input rules
 * its producer applies ({@link InputRules}), can never be onboarded: it is dead-lettered, naming the field.
 * A singleton, not application-scoped: a client proxy would need a no-args constructor, which the
 * handler's base class does not have.
 */
@Singleton
public class DealWonConsumer extends IdempotentEventHandler {

    static final String CONSUMER = "customer-success.deal-events";
    static final String WON = "deal.won.v1";
    /** What this consumer does with each type of sales.deal.events. */
    public static final EventTypes TYPES = new EventTypes(Set.of(WON), Set.of("deal.created.v1", "deal.updated.v1",
            "deal.team-changed.v1", "deal.stage-changed.v1", "deal.lost.v1", "deal.proposal-changed.v1",
            "deal.obstacle-changed.v1"));
    private static final int MAX_TEXT = 200;

    private final OnboardingService onboarding;

    @Inject
    public DealWonConsumer(IdempotentConsumer idempotentConsumer, OnboardingService onboarding) {
        super(idempotentConsumer);
        this.onboarding = onboarding;
    }

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
        DealWonV1 won = event.dataAs(DealWonV1.class);
        if (won.actorId() == null) {
            throw new InvalidEventException("event " + event.id() + " (" + event.type() + ") lacks member actorId");
        }
        return onboarding.onboard(wonDeal(won), won.actorId());
    }

    /** The deal's fields, or {@link InvalidEventException} when they cannot make a customer and contract. */
    static WonDeal wonDeal(DealWonV1 won) {
        UUID dealId = won.dealId();
        DealWonV1.Contract contract = won.contract();
        Money mrr = contract == null ? null : contract.monthlyRecurringRevenue();
        if (mrr == null) {
            throw new InvalidEventException("won deal " + dealId + " has no contract with monthlyRecurringRevenue");
        }
        LocalDate start = startDate(dealId, contract.startDate());
        if (mrr.amount() == null) {
            throw new InvalidEventException("won deal " + dealId + " has an unusable contract MRR");
        }
        BigDecimal amount;
        try {
            // Another service's amount: rounded to the currency's minor units, not refused for more.
            amount = Money.of(mrr.amount(), mrr.currency()).amount();
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("won deal " + dealId + ": " + e.getMessage());
        }
        int term = contract.termMonths() == null ? -1 : contract.termMonths();
        if (amount.signum() < 0 || amount.compareTo(MrrRules.MAX) > 0
                || term < ContractTerm.MIN_MONTHS || term > ContractTerm.MAX_MONTHS) {
            throw new InvalidEventException("won deal " + dealId + " has an MRR or term out of range");
        }
        DealWonV1.Contact contact = won.contact() == null ? new DealWonV1.Contact(null, null, null, null)
                : won.contact();
        return new WonDeal(dealId, won.leadId(), limit(won.companyName()), limit(contact.firstName()),
                limit(contact.lastName()), email(contact.email()), phone(contact.phone()), start, term, amount,
                mrr.currency());
    }

    /** contract.startDate: in the years a contract can start in ({@link ContractDates}). */
    private static LocalDate startDate(UUID dealId, LocalDate start) {
        if (start == null || !ContractDates.Validator.inRange(start)) {
            throw new InvalidEventException("won deal " + dealId + " has an unusable contract.startDate: it must be a date"
                    + " yyyy-MM-dd in the years " + ContractDates.MIN_YEAR + " to " + ContractDates.MAX_YEAR);
        }
        return start;
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
}
