package dev.salesplatform.lead.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.kit.outbox.Outbox;
import dev.salesplatform.kit.outbox.OutboxEvent;
import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.persistence.Lead;
import dev.salesplatform.lead.persistence.LeadActivity;
import io.smallrye.mutiny.Uni;

/**
 * Maps lead changes to their events and records them in the outbox, inside the caller's
 * transaction, after the change (the lead's version is the one the change produced).
 */
@ApplicationScoped
public class LeadEvents {

    public static final String AGGREGATE = "lead";

    @Inject
    Outbox outbox;

    public Uni<Void> created(Lead lead, String actor) {
        return record(lead, "lead.created.v1", actor, lead.createdAt, new LeadCreatedV1(lead.id, lead.firstName,
                lead.lastName, lead.email, lead.phone, lead.title,
                new LeadCreatedV1.Company(lead.companyName, lead.companyWebsite, lead.companyEmployees,
                        lead.companyIndustry),
                lead.source,
                new LeadCreatedV1.Attribution(lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmTerm,
                        lead.utmContent, lead.landingPage, lead.referrer),
                lead.status, lead.ownerId, lead.score, MoneyV1.of(lead.estimatedAmount, lead.estimatedCurrency),
                lead.referralId));
    }

    public Uni<Void> updated(Lead lead, String actor, Map<String, Object> changes) {
        return record(lead, "lead.updated.v1", actor, lead.updatedAt, new LeadUpdatedV1(lead.id, changes, lead.score));
    }

    public Uni<Void> assigned(Lead lead, String actor, UUID previousOwner, String method) {
        return record(lead, "lead.assigned.v1", actor, lead.updatedAt,
                new LeadAssignedV1(lead.id, lead.ownerId, previousOwner, method));
    }

    public Uni<Void> activityLogged(Lead lead, String actor, LeadActivity activity, LeadStatus previousStatus) {
        return record(lead, "lead.activity-logged.v1", actor, lead.updatedAt, new LeadActivityLoggedV1(lead.id,
                activity.id, activity.type, activity.outcome, activity.occurredAt, lead.ownerId, previousStatus,
                lead.status, lead.score));
    }

    public Uni<Void> qualified(Lead lead, String actor) {
        return record(lead, "lead.qualified.v1", actor, lead.updatedAt, new LeadQualifiedV1(lead.id, lead.ownerId,
                MoneyV1.of(lead.budgetAmount, lead.budgetCurrency), lead.authority, lead.need, lead.timeline,
                lead.score));
    }

    public Uni<Void> disqualified(Lead lead, String actor, LeadStatus previousStatus) {
        return record(lead, "lead.disqualified.v1", actor, lead.updatedAt, new LeadDisqualifiedV1(lead.id,
                lead.ownerId, lead.disqualifyReason, lead.disqualifyNote, previousStatus));
    }

    public Uni<Void> handedOff(Lead lead, String actor, String note) {
        return record(lead, "lead.handed-off.v1", actor, lead.updatedAt, new LeadHandedOffV1(lead.id, lead.ownerId,
                lead.accountExecutiveId, MoneyV1.of(lead.estimatedAmount, lead.estimatedCurrency), note,
                lead.companyName,
                new LeadHandedOffV1.Contact(lead.firstName, lead.lastName, lead.email, lead.phone, lead.title),
                lead.source,
                new LeadHandedOffV1.Qualification(MoneyV1.of(lead.budgetAmount, lead.budgetCurrency), lead.authority,
                        lead.need, lead.timeline)));
    }

    public Uni<Void> reopened(Lead lead, String actor, DisqualifyReason previousReason) {
        return record(lead, "lead.reopened.v1", actor, lead.updatedAt,
                new LeadReopenedV1(lead.id, lead.ownerId, previousReason));
    }

    private Uni<Void> record(Lead lead, String type, String actor, Instant at, Object payload) {
        return outbox.record(new OutboxEvent(AGGREGATE, lead.id.toString(), type, lead.version, actor, at, payload))
                .replaceWithVoid();
    }
}
