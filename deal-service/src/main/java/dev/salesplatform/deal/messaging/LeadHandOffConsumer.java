package dev.salesplatform.deal.messaging;

import java.util.Comparator;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.salesplatform.deal.service.Contact;
import dev.salesplatform.deal.service.DealEdit;
import dev.salesplatform.deal.service.DealService;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.EventTypes;
import dev.salesplatform.kit.messaging.IdempotentConsumer;
import dev.salesplatform.kit.messaging.IdempotentEventHandler;
import dev.salesplatform.kit.messaging.InvalidEventException;
import io.smallrye.mutiny.Uni;

/**
 * Opens the deal of a handed-off lead ({@code lead.handed-off.v1}), once per lead: the processed
 * event id guards against redelivery, the lead id against a second hand-off event of the same lead.
 * The named account executive owns the deal even when this service has not seen them before.
 * A singleton, not application-scoped: a client proxy would need a no-args constructor, which the
 * handler's base class does not have.
 */
@Singleton
public class LeadHandOffConsumer extends IdempotentEventHandler {

    private static final Logger LOG = Logger.getLogger(LeadHandOffConsumer.class);
    static final String CONSUMER = "deal.lead-events";
    static final String HANDED_OFF = "lead.handed-off.v1";
    /** What this consumer does with each type of sales.lead.events. */
    public static final EventTypes TYPES = new EventTypes(Set.of(HANDED_OFF), Set.of("lead.created.v1",
            "lead.updated.v1", "lead.assigned.v1", "lead.activity-logged.v1", "lead.qualified.v1",
            "lead.disqualified.v1", "lead.reopened.v1"));
    /** Room for the " deal" suffix within a deal name's 200 characters. */
    private static final int MAX_NAME_STEM = 195;

    private final DealService deals;
    private final Validator validator;

    @Inject
    public LeadHandOffConsumer(IdempotentConsumer idempotentConsumer, DealService deals, Validator validator) {
        super(idempotentConsumer);
        this.deals = deals;
        this.validator = validator;
    }

    @Incoming("lead-events")
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
        LeadHandedOff handOff = event.dataAs(LeadHandedOff.class);
        validator.validate(handOff).stream().min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw new InvalidEventException("hand-off of lead " + handOff.leadId()
                            + " does not make a valid deal: " + describe(violation));
                });
        LeadHandedOff.Contact contact = handOff.contact() == null ? new LeadHandedOff.Contact(null, null, null, null)
                : handOff.contact();
        String companyName = handOff.companyName();
        String who = companyName != null ? companyName
                : String.join(" ", contact.firstName() == null ? "" : contact.firstName(),
                        contact.lastName() == null ? "" : contact.lastName()).strip();
        String stem = who.isEmpty() ? "Lead " + handOff.leadId() : who.substring(0, Math.min(who.length(), MAX_NAME_STEM));
        String name = stem + " deal";
        DealEdit fields = new DealEdit(name, companyName,
                new Contact(contact.firstName(), contact.lastName(), contact.email(), contact.phone()),
                handOff.estimatedValue(), null);
        return deals.createFromHandOff(handOff.leadId(), fields, handOff.accountExecutiveId(), handOff.actorId())
                .invoke(deal -> {
                    if (deal == null) {
                        LOG.infof("Lead %s already has its deal; hand-off event %s adds none", handOff.leadId(),
                                event.id());
                    }
                }).replaceWithVoid();
    }

    private static String describe(ConstraintViolation<LeadHandedOff> violation) {
        return violation.getPropertyPath() + " " + violation.getMessage();
    }
}
