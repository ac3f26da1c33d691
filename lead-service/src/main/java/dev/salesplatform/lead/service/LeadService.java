package dev.salesplatform.lead.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;

import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.outbox.EventHistory;
import dev.salesplatform.kit.outbox.HistoryEntry;
import dev.salesplatform.kit.outbox.OutboxEvent;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import dev.salesplatform.lead.domain.Actor;
import dev.salesplatform.lead.domain.DisqualifyReason;
import dev.salesplatform.lead.domain.DuplicatePolicy;
import dev.salesplatform.lead.domain.ImportOutcome;
import dev.salesplatform.lead.domain.LeadCommand;
import dev.salesplatform.lead.domain.LeadScore;
import dev.salesplatform.lead.domain.LeadScoring;
import dev.salesplatform.lead.domain.LeadStateMachine;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.domain.ScoreInput;
import dev.salesplatform.lead.messaging.LeadEvents;
import dev.salesplatform.lead.persistence.Lead;
import dev.salesplatform.lead.persistence.LeadActivity;
import dev.salesplatform.lead.persistence.LeadActivityRepository;
import dev.salesplatform.lead.persistence.LeadRepository;
import dev.salesplatform.lead.persistence.LeadSearch;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Lead use cases. Each write checks who may do it and what the lead's status allows, then commits
 * the change and its event in one transaction.
 */
@ApplicationScoped
public class LeadService {

    /** An activity may be logged up to this far ahead of the server clock (clock skew), not more. */
    private static final long FUTURE_TOLERANCE_SECONDS = 300;

    private final Clock clock;
    private final LeadRepository leads;
    private final LeadActivityRepository activities;
    private final AssignmentRotation rotation;
    private final LeadEvents events;
    private final EventHistory history;

    @Inject
    public LeadService(Clock clock, LeadRepository leads, LeadActivityRepository activities, AssignmentRotation rotation,
                       LeadEvents events, EventHistory history) {
        this.clock = clock;
        this.leads = leads;
        this.activities = activities;
        this.rotation = rotation;
        this.events = events;
        this.history = history;
    }

    /**
     * The hot path: the lead, its events and their history in one statement, which is one round trip
     * and its own transaction (inside an Idempotency-Key's transaction it joins that one). A lead that
     * nobody claims first takes its owner's turn, unless its email is taken. The existing lead is only
     * looked up for the 409 of a duplicate.
     */
    @WithSession
    public Uni<LeadView> create(LeadDraft draft, Actor actor) {
        String createdBy = actor.id().toString();
        Lead lead = newLead(draft, createdBy, null, now());
        Uni<Boolean> free = actor.sdr()
                ? Uni.createFrom().item(() -> {
                    lead.ownerId = actor.id();
                    return true;
                })
                : rotation.nextUnlessOpen(lead.email).map(turn -> {
                    lead.ownerId = turn == null ? null : turn.owner();
                    return turn != null;
                });
        return free.chain(emailFree -> {
            if (!emailFree) {
                return Uni.createFrom().item(false);
            }
            LeadView view = LeadMapper.view(lead);
            List<OutboxEvent> recorded = new ArrayList<>(2);
            recorded.add(events.createdEvent(view, createdBy));
            if (!actor.sdr() && lead.ownerId != null) {
                recorded.add(events.assignedEvent(view, createdBy, null, "ROUND_ROBIN"));
            }
            return leads.insertNew(lead, recorded);
        }).chain(created -> created ? Uni.createFrom().item(LeadMapper.view(lead))
                : leads.findOpenByEmail(lead.email).map(existing -> {
                    throw duplicate(existing == null ? null : existing.id);
                }));
    }

    /**
     * One valid import row: a new lead, or, when an open lead has its email, that lead updated with
     * the row's present fields or left alone, as {@code onDuplicate} says.
     */
    @WithTransaction
    public Uni<ImportOutcome> importLead(LeadDraft row, DuplicatePolicy onDuplicate, Actor importer) {
        String actorId = importer.id().toString();
        return leads.findOpenByEmail(row.email().strip()).chain(existing -> {
            if (existing == null) {
                return insert(row, actorId, null, null).replaceWith(ImportOutcome.CREATED);
            }
            if (onDuplicate == DuplicatePolicy.SKIP) {
                return Uni.createFrom().item(ImportOutcome.SKIPPED);
            }
            if (!importer.canWork(existing.ownerId)) {
                return Uni.createFrom().item(ImportOutcome.REFUSED);
            }
            return update(existing, LeadMapper.overlay(LeadMapper.draft(existing), row), actorId)
                    .replaceWith(ImportOutcome.UPDATED);
        });
    }

    /**
     * New leads from import rows of {@code importer}, all at once: one turn-taking for their owners, one
     * flush of the leads and one statement for their events, rather than a round trip or three per row.
     * The rows' emails must be distinct and new to the open leads (the caller asked {@link
     * LeadRepository#openEmails}); should another writer take one meanwhile, the unique index fails the
     * whole call as a duplicate, and the caller goes row by row.
     */
    @WithTransaction
    public Uni<Void> importNew(List<LeadDraft> rows, Actor importer) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String actorId = importer.id().toString();
        Instant now = now();
        return rotation.next(rows.size()).chain(owners -> {
            List<Lead> created = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Lead lead = newLead(rows.get(i), actorId, null, now);
                lead.ownerId = owners.get(i);
                created.add(lead);
            }
            return leads.persist(created)
                    .chain(this::flushUnique)
                    .chain(() -> {
                        List<OutboxEvent> recorded = new ArrayList<>(created.size() * 2);
                        for (Lead lead : created) {
                            LeadView view = LeadMapper.view(lead);
                            recorded.add(events.createdEvent(view, actorId));
                            if (lead.ownerId != null) {
                                recorded.add(events.assignedEvent(view, actorId, null, "ROUND_ROBIN"));
                            }
                        }
                        return events.recordAll(recorded);
                    });
        });
    }

    /** A REFERRAL lead from a customer's referral, at most once per referral; null if not created. */
    @WithTransaction
    public Uni<UUID> createReferral(String referralId, LeadDraft draft, String actorId) {
        return leads.findByReferral(referralId).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(known.id);
            }
            return leads.findOpenByEmail(draft.email().strip()).chain(open -> open != null
                    ? Uni.createFrom().nullItem()
                    : insert(draft, actorId, null, referralId).map(lead -> lead.id));
        });
    }

    @WithSession
    public Uni<LeadView> find(UUID id) {
        return leads.findById(id).map(lead -> lead == null ? null : LeadMapper.view(lead));
    }

    @WithSession
    public Uni<Page<LeadView>> search(LeadFilter filter, PageRequest page) {
        Integer afterScore = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            afterScore = page.cursor().integer(0);
            afterId = page.cursor().id(1);
        }
        LeadSearch search = LeadSearch.orderedBy(filter.sort()).status(filter.status()).owner(filter.owner())
                .source(filter.source()).createdFrom(filter.createdFrom()).createdTo(filter.createdTo())
                .text(filter.text()).after(afterScore, afterId);
        return leads.search(search, page.limit() + 1)
                .map(rows -> Page.of(rows, page.limit(), lead -> Cursor.of(lead.score, lead.id), LeadMapper::view));
    }

    /** Edits the caller-editable fields; {@code edit} turns the current fields into the new ones. */
    @WithTransaction
    public Uni<LeadView> edit(UUID id, String ifMatch, LeadEdit edit, Actor actor) {
        return load(id).chain(lead -> {
            requireWorkable(lead, actor);
            LeadStateMachine.next(lead.status, LeadCommand.EDIT);
            ETags.requireMatch(ifMatch, lead.version);
            LeadDraft edited = edit.apply(LeadMapper.draft(lead));
            Uni<Void> unique = edited.email().strip().equalsIgnoreCase(lead.email) ? Uni.createFrom().voidItem()
                    : leads.findOpenByEmail(edited.email().strip()).map(other -> {
                        if (other != null) {
                            throw duplicate(other.id);
                        }
                        return null;
                    });
            return unique.chain(() -> update(lead, edited, actor.id().toString()));
        }).map(LeadMapper::view);
    }

    @WithTransaction
    public Uni<LeadView> assign(UUID id, UUID ownerId, Actor actor) {
        return load(id).chain(lead -> {
            LeadStateMachine.next(lead.status, LeadCommand.ASSIGN);
            if (!actor.canAssign(lead.ownerId, ownerId)) {
                throw new ProblemException(403, "forbidden", "Forbidden", lead.ownerId == null
                        ? "An SDR can only claim a lead for themselves"
                        : "Only a manager can reassign a lead that has an owner");
            }
            if (ownerId.equals(lead.ownerId)) {
                return Uni.createFrom().item(lead);
            }
            UUID previous = lead.ownerId;
            lead.ownerId = ownerId;
            touch(lead);
            return leads.flush().chain(() -> events.assigned(LeadMapper.view(lead), actor.id().toString(), previous,
                    actor.manager() ? "MANAGER" : "CLAIM")).replaceWith(lead);
        }).map(LeadMapper::view);
    }

    @WithTransaction
    public Uni<ActivityView> logActivity(UUID id, ActivityDraft logged, Actor actor) {
        Instant now = now();
        Instant occurredAt = logged.occurredAt() == null ? now : logged.occurredAt();
        if (occurredAt.isAfter(now.plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
            throw ProblemException.invalidField("occurredAt", "must not be in the future");
        }
        return load(id).chain(lead -> {
            requireWorkable(lead, actor);
            LeadStatus previous = lead.status;
            lead.status = LeadStateMachine.next(lead.status, LeadCommand.LOG_ACTIVITY, logged.type().isContact());
            LeadActivity activity = new LeadActivity();
            activity.id = UuidV7.next();
            activity.leadId = lead.id;
            activity.type = logged.type();
            activity.outcome = logged.outcome();
            activity.notes = logged.notes();
            activity.occurredAt = occurredAt;
            activity.actorId = actor.id().toString();
            activity.createdAt = now;
            if (logged.type().isContact() && (lead.lastActivityAt == null || occurredAt.isAfter(lead.lastActivityAt))) {
                lead.lastActivityAt = occurredAt;
            }
            touch(lead);
            return activities.persist(activity)
                    .chain(() -> activities.allOf(lead.id))
                    .invoke(all -> rescore(lead, all))
                    .chain(() -> leads.flush())
                    .chain(() -> events.activityLogged(LeadMapper.view(lead), actor.id().toString(),
                            LeadMapper.view(activity), previous))
                    .replaceWith(() -> LeadMapper.view(activity));
        });
    }

    @WithSession
    public Uni<Page<ActivityView>> activities(UUID id, PageRequest page) {
        UUID before = page.cursor() == null ? null : page.cursor().id(0);
        return load(id).chain(lead -> activities.page(id, before, page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), activity -> Cursor.of(activity.id), LeadMapper::view));
    }

    @WithTransaction
    public Uni<LeadView> qualify(UUID id, QualificationDraft qualification, Actor actor) {
        return load(id).chain(lead -> {
            requireWorkable(lead, actor);
            lead.status = LeadStateMachine.next(lead.status, LeadCommand.QUALIFY);
            Money budget = LeadMapper.minorUnits(qualification.budget());
            lead.budgetAmount = budget.amount();
            lead.budgetCurrency = budget.currency();
            lead.authority = qualification.authority().strip();
            lead.need = qualification.need().strip();
            lead.timeline = qualification.timeline();
            lead.qualifiedAt = touch(lead);
            return leads.flush().chain(() -> events.qualified(LeadMapper.view(lead), actor.id().toString()))
                    .replaceWith(lead);
        }).map(LeadMapper::view);
    }

    @WithTransaction
    public Uni<LeadView> disqualify(UUID id, DisqualifyReason reason, String note, Actor actor) {
        return load(id).chain(lead -> {
            requireWorkable(lead, actor);
            LeadStatus previous = lead.status;
            lead.status = LeadStateMachine.next(lead.status, LeadCommand.DISQUALIFY);
            lead.disqualifyReason = reason;
            lead.disqualifyNote = note;
            lead.disqualifiedAt = touch(lead);
            return leads.flush().chain(() -> events.disqualified(LeadMapper.view(lead), actor.id().toString(), previous))
                    .replaceWith(lead);
        }).map(LeadMapper::view);
    }

    @WithTransaction
    public Uni<LeadView> handOff(UUID id, UUID accountExecutiveId, Money estimatedValue, String note, Actor actor) {
        return load(id).chain(lead -> {
            requireWorkable(lead, actor);
            lead.status = LeadStateMachine.next(lead.status, LeadCommand.HAND_OFF);
            Money value = LeadMapper.minorUnits(estimatedValue);
            lead.accountExecutiveId = accountExecutiveId;
            lead.estimatedAmount = value.amount();
            lead.estimatedCurrency = value.currency();
            lead.handedOffAt = touch(lead);
            return leads.flush().chain(() -> events.handedOff(LeadMapper.view(lead), actor.id().toString(), note))
                    .replaceWith(lead);
        }).map(LeadMapper::view);
    }

    /** Managers only (checked by the caller): a disqualified lead becomes NEW again. */
    @WithTransaction
    public Uni<LeadView> reopen(UUID id, Actor actor) {
        return load(id).chain(lead -> {
            LeadStatus reopened = LeadStateMachine.next(lead.status, LeadCommand.REOPEN);
            // Look for another open lead before changing this one: the query would flush the change first.
            return leads.findOpenByEmail(lead.email).chain(other -> {
                if (other != null) {
                    return Uni.createFrom().failure(duplicate(other.id));
                }
                lead.status = reopened;
                DisqualifyReason previousReason = lead.disqualifyReason;
                lead.disqualifyReason = null;
                lead.disqualifyNote = null;
                lead.disqualifiedAt = null;
                touch(lead);
                return flushUnique()
                        .chain(() -> events.reopened(LeadMapper.view(lead), actor.id().toString(), previousReason))
                        .replaceWith(lead);
            });
        }).map(LeadMapper::view);
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(UUID id, PageRequest page) {
        return load(id).chain(lead -> history.page(LeadEvents.AGGREGATE, id.toString(), page));
    }

    private Uni<Lead> insert(LeadDraft draft, String createdBy, UUID owner, String referralId) {
        Lead lead = newLead(draft, createdBy, referralId, now());
        Uni<UUID> initialOwner = owner != null ? Uni.createFrom().item(owner) : rotation.next();
        return initialOwner.chain(ownerId -> {
            lead.ownerId = ownerId;
            return leads.persist(lead)
                    .chain(this::flushUnique)
                    .chain(() -> {
                        LeadView created = LeadMapper.view(lead);
                        return events.created(created, createdBy).chain(() -> owner == null && ownerId != null
                                ? events.assigned(created, createdBy, null, "ROUND_ROBIN") : Uni.createFrom().voidItem());
                    })
                    .replaceWith(lead);
        });
    }

    private Lead newLead(LeadDraft draft, String createdBy, String referralId, Instant now) {
        Lead lead = new Lead();
        lead.id = UuidV7.next();
        LeadMapper.apply(draft, lead);
        lead.status = LeadStatus.NEW;
        lead.referralId = referralId;
        lead.createdBy = createdBy;
        lead.createdAt = now;
        lead.updatedAt = now;
        rescore(lead, List.of());
        return lead;
    }

    private Uni<Lead> update(Lead lead, LeadDraft fields, String actorId) {
        // Activities are read before the lead changes: the query would flush the change early.
        return activities.allOf(lead.id).chain(all -> {
            Map<String, Object> changes = LeadMapper.apply(fields, lead);
            if (changes.isEmpty()) {
                return Uni.createFrom().item(lead);
            }
            touch(lead);
            rescore(lead, all);
            return flushUnique().chain(() -> events.updated(LeadMapper.view(lead), actorId, changes)).replaceWith(lead);
        });
    }

    /** Flushes now, so that a concurrent duplicate email surfaces here as 409 and the new version is known. */
    private Uni<Void> flushUnique() {
        return leads.flush().onFailure(LeadService::isDuplicateEmail).transform(failure -> duplicate(null));
    }

    private Uni<Lead> load(UUID id) {
        return leads.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id));
    }

    private static void requireWorkable(Lead lead, Actor actor) {
        if (!actor.canWork(lead.ownerId)) {
            throw new ProblemException(403, "forbidden", "Forbidden", lead.ownerId == null
                    ? "Claim this lead before you work it" : "You can only change leads you own");
        }
    }

    private void rescore(Lead lead, List<LeadActivity> all) {
        LeadScore score = LeadScoring.score(new ScoreInput(lead.title, lead.companyEmployees, lead.source,
                all.stream().map(a -> new ScoreInput.Activity(a.type, a.occurredAt)).toList(), now()));
        lead.score = score.value();
        lead.scoreReasons = score.reasons();
    }

    private Instant touch(Lead lead) {
        lead.updatedAt = now();
        return lead.updatedAt;
    }

    private Instant now() {
        return Times.now(clock);
    }

    private static ProblemException duplicate(UUID existing) {
        ProblemException problem = ProblemException.conflict("duplicate-lead", "Duplicate lead",
                "An open lead with this email already exists");
        return existing == null ? problem : problem.with("existingLeadId", existing).with("existingLead",
                "/api/v1/leads/" + existing);
    }

    private static boolean isDuplicateEmail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && "lead_open_email".equals(violation.getConstraintName())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("lead_open_email")) {
                return true;
            }
        }
        return false;
    }
}
