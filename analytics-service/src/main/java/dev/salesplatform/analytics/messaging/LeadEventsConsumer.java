package dev.salesplatform.analytics.messaging;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.salesplatform.analytics.persistence.LeadFactRepository;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.IdempotentConsumer;
import dev.salesplatform.kit.messaging.InvalidEventException;
import io.smallrye.mutiny.Uni;

/** Projects lead events; types it does not use are acknowledged and skipped (tolerant reader). */
@ApplicationScoped
public class LeadEventsConsumer {

    static final String CONSUMER = "analytics.lead-events";
    static final Set<String> TYPES = Set.of("lead.created.v1");

    @Inject
    IdempotentConsumer consumer;

    @Inject
    LeadFactRepository leadFacts;

    @Incoming("lead-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.apply(CONSUMER, TYPES, record, this::project);
    }

    /** A lead.created.v1 (the only type in {@link #TYPES} so far) becomes its lead fact. */
    Uni<Void> project(CloudEvent event) {
        UUID owner = event.optionalText("ownerId") == null ? null : uuid(event, "ownerId");
        return leadFacts.recordCreated(uuid(event, "leadId"), Instant.parse(event.text("occurredAt")),
                event.text("source"), owner);
    }

    private static UUID uuid(CloudEvent event, String field) {
        try {
            return UUID.fromString(event.text(field));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event " + event.id() + " has a malformed " + field);
        }
    }
}
