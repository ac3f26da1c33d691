package dev.salesplatform.lead.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.lead.api.CreateLeadRequest;
import dev.salesplatform.lead.api.LeadResponse;
import dev.salesplatform.lead.domain.LeadOwnership;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.messaging.LeadEvents;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Lead use cases: each write and its event commit in one transaction. */
@ApplicationScoped
public class LeadService {

    @Inject
    LeadRepository leads;

    @Inject
    LeadEvents events;

    @WithTransaction
    public Uni<LeadResponse> create(CreateLeadRequest request, UUID actor, boolean actorIsSdr) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Lead lead = new Lead();
        lead.id = UuidV7.next();
        lead.firstName = request.firstName().strip();
        lead.lastName = request.lastName().strip();
        lead.email = request.email().strip();
        lead.phone = request.phone();
        lead.title = request.title();
        lead.company = request.company();
        lead.source = request.source();
        lead.status = LeadStatus.NEW;
        lead.ownerId = LeadOwnership.initialOwner(actor, actorIsSdr);
        lead.createdBy = actor.toString();
        lead.createdAt = now;
        lead.updatedAt = now;
        return leads.persist(lead)
                .call(saved -> events.created(saved, actor.toString()))
                .map(LeadResponse::from);
    }

    @WithSession
    public Uni<LeadResponse> find(UUID id) {
        return leads.findById(id).map(lead -> lead == null ? null : LeadResponse.from(lead));
    }

    @WithSession
    public Uni<Page<LeadResponse>> list(LeadStatus status, UUID owner, PageRequest page) {
        UUID before = page.cursor() == null ? null : Ids.parse(page.cursor().value(0), "cursor");
        return leads.page(status, owner, before, page.limit() + 1)
                .map(rows -> Page.of(rows, page.limit(), lead -> Cursor.of(lead.id), LeadResponse::from));
    }
}
