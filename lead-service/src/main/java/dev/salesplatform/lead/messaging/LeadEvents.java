package dev.salesplatform.lead.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.kit.outbox.Outbox;
import dev.salesplatform.kit.outbox.OutboxEvent;
import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.service.ActivityView;
import dev.salesplatform.lead.service.LeadDraft;
import dev.salesplatform.lead.service.LeadView;
import io.smallrye.mutiny.Uni;

/**
 * Maps lead changes to their events and records them in the outbox, inside the caller's
 * transaction, after the change: each takes the lead as the change left it (its version is the one
 * the change produced).
 */
@ApplicationScoped
public class LeadEvents {

    public static final String AGGREGATE = "lead";

    private final Outbox outbox;

    @Inject
    public LeadEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(LeadView lead, String actor) {
        return outbox.record(createdEvent(lead, actor)).replaceWithVoid();
    }

    /** The events of new leads, recorded in one statement (an import's batch): each lead's in list order. */
    public Uni<Void> recordAll(List<OutboxEvent> events) {
        return outbox.recordAll(events).replaceWithVoid();
    }

    public OutboxEvent createdEvent(LeadView lead, String actor) {
        LeadDraft fields = lead.fields();
        LeadDraft.Company company = fields.company() == null
                ? new LeadDraft.Company(null, null, null, null) : fields.company();
        LeadDraft.Attribution attribution = fields.attribution() == null
                ? new LeadDraft.Attribution(null, null, null, null, null, null, null) : fields.attribution();
        return event(lead, "lead.created.v1", actor, lead.createdAt(), new LeadCreatedV1(lead.id(), fields.firstName(),
                fields.lastName(), fields.email(), fields.phone(), fields.title(),
                new LeadCreatedV1.Company(company.name(), company.website(), company.employees(), company.industry()),
                fields.source(),
                new LeadCreatedV1.Attribution(attribution.utmSource(), attribution.utmMedium(), attribution.utmCampaign(),
                        attribution.utmTerm(), attribution.utmContent(), attribution.landingPage(), attribution.referrer()),
                lead.status(), lead.ownerId(), lead.score(), fields.estimatedValue(), lead.referralId()));
    }

    public Uni<Void> updated(LeadView lead, String actor, Map<String, Object> changes) {
        return record(lead, "lead.updated.v1", actor, lead.updatedAt(), new LeadUpdatedV1(lead.id(), changes, lead.score()));
    }

    public Uni<Void> assigned(LeadView lead, String actor, UUID previousOwner, String method) {
        return outbox.record(assignedEvent(lead, actor, previousOwner, method)).replaceWithVoid();
    }

    public OutboxEvent assignedEvent(LeadView lead, String actor, UUID previousOwner, String method) {
        return event(lead, "lead.assigned.v1", actor, lead.updatedAt(),
                new LeadAssignedV1(lead.id(), lead.ownerId(), previousOwner, method));
    }

    public Uni<Void> activityLogged(LeadView lead, String actor, ActivityView activity, LeadStatus previousStatus) {
        return record(lead, "lead.activity-logged.v1", actor, lead.updatedAt(), new LeadActivityLoggedV1(lead.id(),
                activity.id(), activity.type(), activity.outcome(), activity.occurredAt(), lead.ownerId(), previousStatus,
                lead.status(), lead.score()));
    }

    public Uni<Void> qualified(LeadView lead, String actor) {
        LeadView.Qualification bant = lead.qualification();
        return record(lead, "lead.qualified.v1", actor, lead.updatedAt(), new LeadQualifiedV1(lead.id(), lead.ownerId(),
                bant.budget(), bant.authority(), bant.need(), bant.timeline(), lead.score()));
    }

    public Uni<Void> disqualified(LeadView lead, String actor, LeadStatus previousStatus) {
        LeadView.Disqualification disqualification = lead.disqualification();
        return record(lead, "lead.disqualified.v1", actor, lead.updatedAt(), new LeadDisqualifiedV1(lead.id(),
                lead.ownerId(), disqualification.reason(), disqualification.note(), previousStatus));
    }

    public Uni<Void> handedOff(LeadView lead, String actor, String note) {
        LeadDraft fields = lead.fields();
        LeadView.Qualification bant = lead.qualification();
        return record(lead, "lead.handed-off.v1", actor, lead.updatedAt(), new LeadHandedOffV1(lead.id(), lead.ownerId(),
                lead.handoff().accountExecutiveId(), fields.estimatedValue(), note,
                fields.company() == null ? null : fields.company().name(),
                new LeadHandedOffV1.Contact(fields.firstName(), fields.lastName(), fields.email(), fields.phone(),
                        fields.title()),
                fields.source(),
                new LeadHandedOffV1.Qualification(bant.budget(), bant.authority(), bant.need(), bant.timeline())));
    }

    public Uni<Void> reopened(LeadView lead, String actor, DisqualifyReason previousReason) {
        return record(lead, "lead.reopened.v1", actor, lead.updatedAt(),
                new LeadReopenedV1(lead.id(), lead.ownerId(), previousReason));
    }

    private Uni<Void> record(LeadView lead, String type, String actor, Instant at, Object payload) {
        return outbox.record(event(lead, type, actor, at, payload)).replaceWithVoid();
    }

    private static OutboxEvent event(LeadView lead, String type, String actor, Instant at, Object payload) {
        return new OutboxEvent(AGGREGATE, lead.id().toString(), type, lead.version(), actor, at, payload);
    }
}
