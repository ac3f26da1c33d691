package dev.salesplatform.deal.messaging;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.deal.api.ContactDto;
import dev.salesplatform.deal.api.DealFields;
import dev.salesplatform.deal.api.MoneyDto;
import dev.salesplatform.deal.persistence.DealService;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.EventTypes;
import dev.salesplatform.kit.messaging.IdempotentEventHandler;
import dev.salesplatform.kit.messaging.InvalidEventException;
import io.smallrye.mutiny.Uni;

/**
 * Opens the deal of a handed-off lead ({@code lead.handed-off.v1}), once per lead: the processed
 * event id guards against redelivery, the lead id against a second hand-off event of the same lead.
 * The named account executive owns the deal even when this service has not seen them before.
 */
@ApplicationScoped
public class LeadHandOffConsumer extends IdempotentEventHandler {

    private static final Logger LOG = Logger.getLogger(LeadHandOffConsumer.class);
    static final String CONSUMER = "deal.lead-events";
    static final String HANDED_OFF = "lead.handed-off.v1";
    /** What this consumer does with each type of sales.lead.events. */
    public static final EventTypes TYPES = new EventTypes(Set.of(HANDED_OFF), Set.of("lead.created.v1",
            "lead.updated.v1", "lead.assigned.v1", "lead.activity-logged.v1", "lead.qualified.v1",
            "lead.disqualified.v1", "lead.reopened.v1"));

    @Inject
    DealService deals;

    @Inject
    Validator validator;

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
        UUID leadId = uuid(event, event.text("leadId"));
        UUID owner = uuid(event, event.text("accountExecutiveId"));
        JsonNode value = event.data().path("estimatedValue");
        JsonNode contact = event.data().path("contact");
        String companyName = event.optionalText("companyName");
        String firstName = text(contact, "firstName");
        String lastName = text(contact, "lastName");
        MoneyDto amount;
        try {
            amount = new MoneyDto(new BigDecimal(value.path("amount").asText()), value.path("currency").asText());
        } catch (NumberFormatException e) {
            throw new InvalidEventException("hand-off of lead " + leadId + " has no usable estimatedValue");
        }
        // Room for the " deal" suffix within the name limit.
        String who = companyName != null && !companyName.isBlank() ? companyName.strip()
                : String.join(" ", firstName == null ? "" : firstName, lastName == null ? "" : lastName).strip();
        String name = (who.isEmpty() ? "Lead " + leadId : who.substring(0, Math.min(who.length(), 195))) + " deal";
        DealFields fields = new DealFields(name,
                companyName, new ContactDto(firstName, lastName, text(contact, "email"), text(contact, "phone")),
                amount, null);
        if (!validator.validate(fields).isEmpty()) {
            throw new InvalidEventException("hand-off of lead " + leadId + " does not make a valid deal");
        }
        return deals.createFromHandOff(leadId, fields, owner, event.text("actorId")).invoke(deal -> {
            if (deal == null) {
                LOG.infof("Lead %s already has its deal; hand-off event %s adds none", leadId, event.id());
            }
        }).replaceWithVoid();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static UUID uuid(CloudEvent event, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event " + event.id() + " carries an invalid id " + value);
        }
    }
}
