package dev.salesplatform.lead.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.kit.outbox.Outbox;
import dev.salesplatform.kit.outbox.OutboxEvent;
import dev.salesplatform.lead.persistence.Lead;
import io.smallrye.mutiny.Uni;

/** Maps lead changes to their events and records them in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class LeadEvents {

    public static final String AGGREGATE = "lead";
    public static final String CREATED = "lead.created.v1";

    @Inject
    Outbox outbox;

    public Uni<Void> created(Lead lead, String actorId) {
        LeadCreatedV1 payload = new LeadCreatedV1(lead.id, lead.firstName, lead.lastName, lead.email, lead.phone,
                lead.title, lead.company, lead.source, lead.status, lead.ownerId);
        return outbox.record(new OutboxEvent(AGGREGATE, lead.id.toString(), CREATED, lead.version, actorId,
                lead.createdAt, payload)).replaceWithVoid();
    }
}
