package dev.salesplatform.lead.messaging;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.EventTypes;
import dev.salesplatform.kit.messaging.IdempotentConsumer;
import dev.salesplatform.kit.messaging.IdempotentEventHandler;
import dev.salesplatform.kit.messaging.InvalidEventException;
import dev.salesplatform.lead.service.LeadDraft;
import dev.salesplatform.lead.service.LeadService;
import io.smallrye.mutiny.Uni;

/**
 * Closes the loop from retention to prospecting: a customer's referral ({@code customer.referral-made.v1})
 * becomes a REFERRAL lead, once per referral. A referral of someone who already is an open lead adds
 * no second lead.
 */
// Singleton, not ApplicationScoped: a client proxy needs a no-args constructor, which the kit's handler lacks.
@Singleton
public class ReferralConsumer extends IdempotentEventHandler {

    private static final Logger LOG = Logger.getLogger(ReferralConsumer.class);
    static final String CONSUMER = "lead.customer-events";
    static final String REFERRAL_MADE = "customer.referral-made.v1";
    /** What this consumer does with each type of sales.customer.events. */
    public static final EventTypes TYPES = new EventTypes(Set.of(REFERRAL_MADE), Set.of("customer.onboarded.v1",
            "customer.updated.v1", "customer.assigned.v1", "customer.health-changed.v1",
            "customer.check-in-recorded.v1", "customer.feedback-recorded.v1", "customer.review-posted.v1",
            "customer.renewal-opened.v1", "customer.renewed.v1", "customer.expanded.v1", "customer.contracted.v1",
            "customer.churned.v1"));

    private final LeadService leads;
    private final Validator validator;

    @Inject
    public ReferralConsumer(IdempotentConsumer idempotentConsumer, LeadService leads, Validator validator) {
        super(idempotentConsumer);
        this.leads = leads;
        this.validator = validator;
    }

    @Incoming("customer-events")
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
        ReferralMade referral = event.dataAs(ReferralMade.class);
        LeadDraft lead = referral.lead();
        if (!validator.validate(referral).isEmpty() || lead.notes().length() > ReferralMade.NOTES_MAX) {
            throw new InvalidEventException("referral " + referral.referralId() + " lacks a usable contact");
        }
        return leads.createReferral(referral.referralId(), lead, referral.actorId()).invoke(leadId -> {
            if (leadId == null) {
                LOG.infof("Referral %s names an existing open lead; no new lead", referral.referralId());
            }
        }).replaceWithVoid();
    }
}
