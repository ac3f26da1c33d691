package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.deal.config.DealsConfig;
import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.domain.DealCommand;
import dev.salesplatform.deal.domain.DealStateMachine;
import dev.salesplatform.deal.domain.DealStatus;
import dev.salesplatform.deal.domain.LostReason;
import dev.salesplatform.deal.domain.ObstacleRules;
import dev.salesplatform.deal.domain.StalePolicy;
import dev.salesplatform.deal.messaging.DealEvents;
import dev.salesplatform.deal.persistence.Deal;
import dev.salesplatform.deal.persistence.DealObstacleRepository;
import dev.salesplatform.deal.persistence.DealRepository;
import dev.salesplatform.deal.persistence.DealSearch;
import dev.salesplatform.deal.persistence.DealTeamMember;
import dev.salesplatform.deal.persistence.DealTeamRepository;
import dev.salesplatform.deal.persistence.Pipeline;
import dev.salesplatform.deal.persistence.PipelineRepository;
import dev.salesplatform.deal.persistence.PipelineStage;
import dev.salesplatform.deal.persistence.PipelineStageRepository;
import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.outbox.EventHistory;
import dev.salesplatform.kit.outbox.HistoryEntry;
import dev.salesplatform.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Deals through their stages to won or lost. Each write checks who may do it and what the deal's
 * status allows, then commits the change and its event in one transaction.
 */
@ApplicationScoped
public class DealService {

    private final DealAccess access;
    private final DealRepository deals;
    private final PipelineRepository pipelines;
    private final PipelineStageRepository stages;
    private final DealTeamRepository teams;
    private final DealObstacleRepository obstacles;
    private final DealEvents events;
    private final EventHistory history;
    private final StalePolicy stalePolicy;

    @Inject
    DealService(DealAccess access, DealRepository deals, PipelineRepository pipelines, PipelineStageRepository stages,
                DealTeamRepository teams, DealObstacleRepository obstacles, DealEvents events, EventHistory history,
                DealsConfig config) {
        this.access = access;
        this.deals = deals;
        this.pipelines = pipelines;
        this.stages = stages;
        this.teams = teams;
        this.obstacles = obstacles;
        this.events = events;
        this.history = history;
        this.stalePolicy = new StalePolicy(config.staleAfter(), config.defaultStaleAfter());
    }

    @WithTransaction
    public Uni<DealView> create(DealDraft draft, Actor actor) {
        UUID owner = draft.ownerId() == null ? actor.id() : draft.ownerId();
        if (!owner.equals(actor.id()) && !actor.manager()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only a manager can open a deal for another owner");
        }
        Uni<Pipeline> pipeline = draft.pipelineId() == null ? pipelines.findDefault()
                : pipelines.findById(draft.pipelineId()).onItem().ifNull().failWith(() ->
                        ProblemException.invalidField("pipelineId", "no such pipeline"));
        return pipeline.chain(p -> insert(draft.fields(), p.id, owner, null, actor.id().toString()));
    }

    /**
     * Opens the deal of a handed-off lead in the default pipeline, at most once per lead; null when
     * the lead already has its deal.
     */
    @WithTransaction
    public Uni<DealView> createFromHandOff(UUID leadId, DealEdit fields, UUID owner, String actorId) {
        return deals.findByLead(leadId).chain(existing -> existing != null ? Uni.createFrom().nullItem()
                : pipelines.findDefault().chain(p -> insert(fields, p.id, owner, leadId, actorId)));
    }

    @WithSession
    public Uni<DealView> find(UUID id, Actor actor) {
        return access.readable(id, actor).chain(access::view);
    }

    /** Account executives and sales specialists list only the deals they own or are on the team of. */
    @WithSession
    public Uni<Page<DealView>> search(DealFilter filter, PageRequest page, Actor actor) {
        DealSearch search = new DealSearch(filter.stage(), filter.owner(), filter.pipeline(),
                filter.expectedCloseFrom(), filter.expectedCloseTo(), filter.amountMin(), filter.amountMax(),
                filter.currency(), filter.text(), filter.stale(), filter.sort(), actor.readsAll() ? null : actor.id());
        Instant now = access.now();
        return deals.search(search, stalePolicy.cutoffs(now), stalePolicy.otherwiseCutoff(now), page.cursor(),
                        page.limit() + 1).chain(rows -> teams.ofDeals(
                rows.stream().map(d -> d.id).toList()).invoke(members -> {
                    Map<UUID, List<DealTeamMember>> byDeal = members.stream()
                            .collect(Collectors.groupingBy(m -> m.dealId));
                    rows.forEach(d -> d.team = new ArrayList<>(byDeal.getOrDefault(d.id, List.of())));
                }).replaceWith(rows)).chain(rows -> stages.all().map(all -> {
            Map<String, BigDecimal> probabilities = new HashMap<>();
            all.forEach(s -> probabilities.put(s.pipelineId + "/" + s.code, s.winProbability));
            return Page.of(rows, page.limit(), deal -> Cursor.of(DealRepository.sortKey(deal, search.sort()), deal.id),
                    deal -> DealMapper.view(deal, probabilities.get(deal.pipelineId + "/" + deal.stageCode)));
        }));
    }

    /** Edits the caller-editable fields; {@code edit} turns the current fields into the new ones. */
    @WithTransaction
    public Uni<DealView> edit(UUID id, String ifMatch, UnaryOperator<DealEdit> edit, Actor actor) {
        return access.workable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            ETags.requireMatch(ifMatch, deal.version);
            Map<String, Object> changes = DealMapper.apply(edit.apply(DealMapper.editable(deal)), deal);
            if (changes.isEmpty()) {
                return access.view(deal);
            }
            access.touch(deal);
            return deals.flush().chain(() -> events.updated(deal, actor.id().toString(), changes))
                    .chain(() -> access.view(deal));
        });
    }

    @WithTransaction
    public Uni<DealView> moveStage(UUID id, String stageCode, Actor actor) {
        return access.workable(id, actor).chain(deal -> stages.of(deal.pipelineId).chain(all -> {
            PipelineStage target = all.stream().filter(s -> s.code.equals(stageCode)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("stage", "must be a stage of the deal's pipeline: "
                            + all.stream().filter(s -> !s.closed).map(s -> s.code).toList()));
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.MOVE_STAGE, target.closed);
            if (target.code.equals(deal.stageCode)) {
                throw ProblemException.conflict("same-stage", "Already in this stage",
                        "The deal is already in stage " + deal.stageCode).with("currentStage", deal.stageCode);
            }
            String from = deal.stageCode;
            Instant previousEnteredAt = deal.stageEnteredAt;
            deal.stageCode = target.code;
            deal.stageEnteredAt = access.touch(deal);
            return deals.flush()
                    .chain(() -> events.stageChanged(deal, actor.id().toString(), from, previousEnteredAt,
                            target.winProbability))
                    .replaceWith(() -> DealMapper.view(deal, target.winProbability));
        }));
    }

    @WithTransaction
    public Uni<DealView> win(UUID id, DealWin win, Actor actor) {
        String[] override = new String[1];
        return obstacles.openOf(id).chain(open -> close(id, actor, DealCommand.WIN, true, deal -> {
            override[0] = ObstacleRules.overrideForWin(open.stream().map(o -> o.id).toList(), win.overrideReason());
            String currency = deal.currency;
            if (!win.finalAmount().currency().equals(currency)) {
                throw ProblemException.invalidField("finalAmount.currency", "must be the deal's currency " + currency);
            }
            if (!win.monthlyRecurringRevenue().currency().equals(currency)) {
                throw ProblemException.invalidField("contract.monthlyRecurringRevenue.currency",
                        "must be the deal's currency " + currency);
            }
            deal.finalAmount = Money.of(win.finalAmount().amount(), currency).amount();
            deal.finalCurrency = currency;
            deal.contractStartDate = win.contractStartDate();
            deal.contractTermMonths = win.contractTermMonths();
            deal.mrrAmount = Money.of(win.monthlyRecurringRevenue().amount(), currency).amount();
            deal.mrrCurrency = currency;
        }, (deal, who, from, previousEnteredAt) -> events.won(deal, who, from, previousEnteredAt, override[0])));
    }

    /** {@code competitor}: to whom, or null. */
    @WithTransaction
    public Uni<DealView> lose(UUID id, LostReason reason, String competitor, Actor actor) {
        return close(id, actor, DealCommand.LOSE, false, deal -> {
            deal.lostReason = reason;
            deal.lostCompetitor = competitor == null || competitor.isBlank() ? null : competitor.strip();
        }, events::lost);
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(UUID id, PageRequest page, Actor actor) {
        return access.readable(id, actor).chain(() -> history.page(DealEvents.AGGREGATE, id.toString(), page));
    }

    /**
     * Count, amount and weighted amount per pipeline stage and currency, in stage order; an account
     * executive summarises only their own deals (another owner: 403).
     */
    @WithSession
    public Uni<DealSummaryView> summary(UUID pipeline, UUID owner, Actor actor) {
        UUID effectiveOwner = owner;
        if (!actor.manager()) {
            if (owner != null && !owner.equals(actor.id())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "You can only summarise deals you own");
            }
            effectiveOwner = actor.id();
        }
        return deals.summary(pipeline, effectiveOwner).chain(rows -> stages.all().map(all -> {
            Map<String, PipelineStage> byKey = new HashMap<>();
            all.forEach(stage -> byKey.put(stage.pipelineId + "/" + stage.code, stage));
            return new DealSummaryView(rows.stream().map(row -> {
                PipelineStage stage = byKey.get(row[0] + "/" + row[1]);
                String currency = (String) row[2];
                Money amount = Money.of((BigDecimal) row[4], currency);
                Money weighted = Money.of(amount.amount().multiply(stage.winProbability), currency);
                return new DealSummaryView.Row(stage.pipelineId, stage.code, stage.winProbability, currency,
                        ((Number) row[3]).longValue(), amount, weighted);
            }).sorted(Comparator.comparing((DealSummaryView.Row r) -> r.pipelineId().toString())
                    .thenComparing(r -> byKey.get(r.pipelineId() + "/" + r.stage()).position)
                    .thenComparing(DealSummaryView.Row::currency)).toList());
        }));
    }

    /** What a closing event needs besides the deal: who, from which stage, since when. */
    @FunctionalInterface
    private interface ClosingEvent {
        Uni<Void> record(Deal deal, String actor, String from, Instant previousEnteredAt);
    }

    /**
     * Wins or loses: {@code outcome} records the details on the deal, which then moves to its
     * pipeline's won or lost stage.
     */
    private Uni<DealView> close(UUID id, Actor actor, DealCommand command, boolean won, Consumer<Deal> outcome,
                                ClosingEvent event) {
        return access.closable(id, actor).chain(deal -> stages.of(deal.pipelineId).chain(all -> {
            DealStatus next = DealStateMachine.next(deal.status, deal.stageCode, command);
            outcome.accept(deal);
            PipelineStage target = all.stream().filter(s -> s.closed && s.won == won).findFirst()
                    .orElseThrow(() -> new IllegalStateException("pipeline " + deal.pipelineId + " lacks a closing stage"));
            String from = deal.stageCode;
            Instant previousEnteredAt = deal.stageEnteredAt;
            deal.status = next;
            deal.stageCode = target.code;
            deal.stageEnteredAt = access.touch(deal);
            deal.closedAt = deal.updatedAt;
            return deals.flush()
                    .chain(() -> event.record(deal, actor.id().toString(), from, previousEnteredAt))
                    .replaceWith(() -> DealMapper.view(deal, target.winProbability));
        }));
    }

    private Uni<DealView> insert(DealEdit fields, UUID pipelineId, UUID owner, UUID leadId, String createdBy) {
        return stages.of(pipelineId).chain(all -> {
            PipelineStage first = all.stream().filter(s -> !s.closed).findFirst()
                    .orElseThrow(() -> new IllegalStateException("pipeline " + pipelineId + " has no open stage"));
            Instant now = access.now();
            Deal deal = new Deal();
            deal.id = UuidV7.next();
            DealMapper.apply(fields, deal);
            deal.pipelineId = pipelineId;
            deal.stageCode = first.code;
            deal.stageEnteredAt = now;
            deal.status = DealStatus.OPEN;
            deal.ownerId = owner;
            deal.leadId = leadId;
            deal.createdBy = createdBy;
            deal.createdAt = now;
            deal.updatedAt = now;
            return deals.persist(deal).chain(() -> deals.flush())
                    .chain(() -> events.created(deal, createdBy, first.winProbability))
                    .replaceWith(() -> DealMapper.view(deal, first.winProbability));
        });
    }
}
