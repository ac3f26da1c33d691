package dev.salesplatform.deal.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import dev.salesplatform.deal.api.CreateDealRequest;
import dev.salesplatform.deal.api.DealFields;
import dev.salesplatform.deal.api.DealResponse;
import dev.salesplatform.deal.api.DealSummaryResponse;
import dev.salesplatform.deal.api.LoseRequest;
import dev.salesplatform.deal.api.MoneyDto;
import dev.salesplatform.deal.api.ObstacleDto;
import dev.salesplatform.deal.api.WinRequest;
import dev.salesplatform.deal.config.DealsConfig;
import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.domain.DealCommand;
import dev.salesplatform.deal.domain.DealStateMachine;
import dev.salesplatform.deal.domain.DealStatus;
import dev.salesplatform.deal.domain.ObstacleRules;
import dev.salesplatform.deal.domain.ObstacleStatus;
import dev.salesplatform.deal.domain.ObstacleType;
import dev.salesplatform.deal.domain.StalePolicy;
import dev.salesplatform.deal.domain.TeamRole;
import dev.salesplatform.deal.messaging.DealEvents;
import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.outbox.EventHistory;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Deal use cases. Each write checks who may do it and what the deal's status allows, then commits
 * the change and its event in one transaction.
 */
@ApplicationScoped
public class DealService {

    /** Team members a deal has at most: the whole team is copied into every deal.team-changed.v1. */
    public static final int MAX_TEAM = 50;

    @Inject
    Clock clock;

    @Inject
    DealRepository deals;

    @Inject
    PipelineRepository pipelines;

    @Inject
    PipelineStageRepository stages;

    @Inject
    DealTeamRepository teams;

    @Inject
    DealObstacleRepository obstacles;

    @Inject
    DealEvents events;

    @Inject
    EventHistory history;

    @Inject
    DealsConfig config;

    private volatile StalePolicy stalePolicy;

    @WithTransaction
    public Uni<DealResponse> create(CreateDealRequest request, Actor actor) {
        UUID owner = request.ownerId() == null ? actor.id() : request.ownerId();
        if (!owner.equals(actor.id()) && !actor.manager()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only a manager can open a deal for another owner");
        }
        Uni<Pipeline> pipeline = request.pipelineId() == null ? pipelines.findDefault()
                : pipelines.findById(request.pipelineId()).onItem().ifNull().failWith(() ->
                        ProblemException.invalidField("pipelineId", "no such pipeline"));
        return pipeline.chain(p -> insert(request.fields(), p.id, owner, null, actor.id().toString()));
    }

    /**
     * Opens the deal of a handed-off lead in the default pipeline, at most once per lead; null when
     * the lead already has its deal.
     */
    @WithTransaction
    public Uni<DealResponse> createFromHandOff(UUID leadId, DealFields fields, UUID owner, String actorId) {
        return deals.findByLead(leadId).chain(existing -> existing != null ? Uni.createFrom().nullItem()
                : pipelines.findDefault().chain(p -> insert(fields, p.id, owner, leadId, actorId)));
    }

    @WithSession
    public Uni<DealResponse> find(UUID id, Actor actor) {
        return loadReadable(id, actor).chain(this::withProbability);
    }

    /** Account executives and sales specialists list only the deals they own or are on the team of. */
    @WithSession
    public Uni<Page<DealResponse>> search(DealSearch search, PageRequest page, Actor actor) {
        DealSearch effective = actor.readsAll() ? search : search.visibleTo(actor.id());
        Instant now = now();
        return deals.search(effective, stalePolicy().cutoffs(now), stalePolicy().otherwiseCutoff(now), page.cursor(),
                        page.limit() + 1).chain(rows -> teams.ofDeals(
                rows.stream().map(d -> d.id).toList()).invoke(members -> {
                    Map<UUID, List<DealTeamMember>> byDeal = members.stream()
                            .collect(Collectors.groupingBy(m -> m.dealId));
                    rows.forEach(d -> d.team = new ArrayList<>(byDeal.getOrDefault(d.id, List.of())));
                }).replaceWith(rows)).chain(rows -> stages.all().map(all -> {
            Map<String, BigDecimal> probabilities = new HashMap<>();
            all.forEach(s -> probabilities.put(s.pipelineId + "/" + s.code, s.winProbability));
            return Page.of(rows, page.limit(), deal -> Cursor.of(DealRepository.sortKey(deal, search.sort()), deal.id),
                    deal -> DealMapping.response(deal, probabilities.get(deal.pipelineId + "/" + deal.stageCode)));
        }));
    }

    /** Edits the caller-editable fields; {@code edit} turns the current fields into the new ones. */
    @WithTransaction
    public Uni<DealResponse> edit(UUID id, String ifMatch, UnaryOperator<DealFields> edit, Actor actor) {
        return loadWorkable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            ETags.requireMatch(ifMatch, deal.version);
            Map<String, Object> changes = DealMapping.apply(edit.apply(DealMapping.editable(deal)), deal);
            if (changes.isEmpty()) {
                return withProbability(deal);
            }
            touch(deal);
            return deals.flush().chain(() -> events.updated(deal, actor.id().toString(), changes))
                    .chain(() -> withProbability(deal));
        });
    }

    @WithTransaction
    public Uni<DealResponse> moveStage(UUID id, String stageCode, Actor actor) {
        return loadWorkable(id, actor).chain(deal -> stages.of(deal.pipelineId).chain(all -> {
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
            deal.stageEnteredAt = touch(deal);
            return deals.flush()
                    .chain(() -> events.stageChanged(deal, actor.id().toString(), from, previousEnteredAt,
                            target.winProbability))
                    .replaceWith(() -> DealMapping.response(deal, target.winProbability));
        }));
    }

    @WithTransaction
    public Uni<DealResponse> win(UUID id, WinRequest request, Actor actor) {
        String[] override = new String[1];
        return obstacles.openOf(id).chain(open -> close(id, actor, DealCommand.WIN, true, deal -> {
            override[0] = ObstacleRules.overrideForWin(open.stream().map(o -> o.id).toList(),
                    request.override() == null ? null : request.override().reason());
            String currency = deal.currency;
            if (!request.finalAmount().currency().equals(currency)) {
                throw ProblemException.invalidField("finalAmount.currency", "must be the deal's currency " + currency);
            }
            if (!request.contract().monthlyRecurringRevenue().currency().equals(currency)) {
                throw ProblemException.invalidField("contract.monthlyRecurringRevenue.currency",
                        "must be the deal's currency " + currency);
            }
            deal.finalAmount = request.finalAmount().amount().setScale(2);
            deal.finalCurrency = currency;
            deal.contractStartDate = request.contract().startDate();
            deal.contractTermMonths = request.contract().termMonths();
            deal.mrrAmount = request.contract().monthlyRecurringRevenue().amount().setScale(2);
            deal.mrrCurrency = currency;
        }, (deal, who, from, previousEnteredAt) -> events.won(deal, who, from, previousEnteredAt, override[0])));
    }

    @WithTransaction
    public Uni<DealResponse> lose(UUID id, LoseRequest request, Actor actor) {
        return close(id, actor, DealCommand.LOSE, false, deal -> {
            deal.lostReason = request.reason();
            deal.lostCompetitor = request.competitor() == null || request.competitor().isBlank() ? null
                    : request.competitor().strip();
        }, events::lost);
    }

    @WithSession
    public Uni<Page<EventHistory.Entry>> history(UUID id, PageRequest page, Actor actor) {
        return loadReadable(id, actor).chain(() -> history.page(DealEvents.AGGREGATE, id.toString(), page));
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
    private Uni<DealResponse> close(UUID id, Actor actor, DealCommand command, boolean won, Consumer<Deal> outcome,
                                    ClosingEvent event) {
        return loadClosable(id, actor).chain(deal -> stages.of(deal.pipelineId).chain(all -> {
            DealStatus next = DealStateMachine.next(deal.status, deal.stageCode, command);
            outcome.accept(deal);
            PipelineStage target = all.stream().filter(s -> s.closed && s.won == won).findFirst()
                    .orElseThrow(() -> new IllegalStateException("pipeline " + deal.pipelineId + " lacks a closing stage"));
            String from = deal.stageCode;
            Instant previousEnteredAt = deal.stageEnteredAt;
            deal.status = next;
            deal.stageCode = target.code;
            deal.stageEnteredAt = touch(deal);
            deal.closedAt = deal.updatedAt;
            return deals.flush()
                    .chain(() -> event.record(deal, actor.id().toString(), from, previousEnteredAt))
                    .replaceWith(() -> DealMapping.response(deal, target.winProbability));
        }));
    }

    /**
     * Count, amount and weighted amount per pipeline stage and currency, in stage order; an account
     * executive summarises only their own deals (another owner: 403).
     */
    @WithSession
    public Uni<DealSummaryResponse> summary(UUID pipeline, UUID owner, Actor actor) {
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
            return new DealSummaryResponse(rows.stream().map(row -> {
                PipelineStage stage = byKey.get(row[0] + "/" + row[1]);
                String currency = (String) row[2];
                BigDecimal amount = ((BigDecimal) row[4]).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal weighted = amount.multiply(stage.winProbability).setScale(2, RoundingMode.HALF_EVEN);
                return new DealSummaryResponse.Row(stage.pipelineId, stage.code, stage.winProbability, currency,
                        ((Number) row[3]).longValue(), new MoneyDto(amount, currency), new MoneyDto(weighted, currency));
            }).sorted(Comparator.comparing((DealSummaryResponse.Row r) -> r.pipelineId().toString())
                    .thenComparing(r -> byKey.get(r.pipelineId() + "/" + r.stage()).position)
                    .thenComparing(DealSummaryResponse.Row::currency)).toList());
        }));
    }

    /** Adds {@code userId} to the deal's team; 409 if they are the owner or already on it, or the team is full. */
    @WithTransaction
    public Uni<DealResponse> addMember(UUID id, UUID userId, TeamRole role, Actor actor) {
        return loadClosable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            if (deal.ownerId.equals(userId) || members(deal).contains(userId)) {
                throw ProblemException.conflict("already-on-team", "Already on the deal",
                        "User " + userId + " already works this deal");
            }
            if (deal.team.size() >= MAX_TEAM) {
                throw ProblemException.conflict("team-full", "The team is full", "A deal has at most " + MAX_TEAM
                        + " team members besides its owner; remove one first").with("maxTeamMembers", MAX_TEAM);
            }
            DealTeamMember member = new DealTeamMember();
            member.dealId = deal.id;
            member.userId = userId;
            member.role = role;
            member.addedBy = actor.id().toString();
            member.addedAt = touch(deal);
            deal.team.add(member);
            return teams.persist(member).chain(() -> deals.flush())
                    .chain(() -> events.teamChanged(deal, actor.id().toString(), "ADDED", member))
                    .chain(() -> withProbability(deal));
        });
    }

    /** Removes {@code userId} from the deal's team; 404 if they are not on it. */
    @WithTransaction
    public Uni<DealResponse> removeMember(UUID id, UUID userId, Actor actor) {
        return loadClosable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            DealTeamMember member = deal.team.stream().filter(m -> m.userId.equals(userId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Team member", userId));
            deal.team.remove(member);
            touch(deal);
            return teams.delete(member).chain(() -> deals.flush())
                    .chain(() -> events.teamChanged(deal, actor.id().toString(), "REMOVED", member))
                    .chain(() -> withProbability(deal));
        });
    }

    /** Records an obstacle in an open deal's buying process. */
    @WithTransaction
    public Uni<ObstacleDto> addObstacle(UUID id, ObstacleType type, String notes, Actor actor) {
        return loadWorkable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            DealObstacle obstacle = new DealObstacle();
            obstacle.id = UuidV7.next();
            obstacle.dealId = deal.id;
            obstacle.type = type;
            obstacle.notes = notes == null || notes.isBlank() ? null : notes.strip();
            obstacle.status = ObstacleStatus.OPEN;
            obstacle.createdBy = actor.id().toString();
            obstacle.createdAt = touch(deal);
            return obstacles.persist(obstacle).chain(() -> deals.flush())
                    .chain(() -> events.obstacleChanged(deal, actor.id().toString(), obstacle))
                    .replaceWith(() -> obstacle(obstacle));
        });
    }

    /** A deal's obstacles, oldest first. */
    @WithSession
    public Uni<List<ObstacleDto>> obstacles(UUID id, Actor actor) {
        return loadReadable(id, actor)
                .chain(() -> obstacles.of(id).map(all -> all.stream().map(DealService::obstacle).toList()));
    }

    /** Resolves an open obstacle; 404 if the deal has no such obstacle, 409 if it is already resolved. */
    @WithTransaction
    public Uni<ObstacleDto> resolveObstacle(UUID id, UUID obstacleId, String resolution, Actor actor) {
        return loadWorkable(id, actor).chain(deal -> obstacles.findById(obstacleId).chain(obstacle -> {
            if (obstacle == null || !obstacle.dealId.equals(deal.id)) {
                throw ProblemException.notFound("Obstacle", obstacleId);
            }
            if (!ObstacleRules.canResolve(obstacle.status)) {
                throw ProblemException.conflict("obstacle-resolved", "Already resolved",
                        "Obstacle " + obstacleId + " is already resolved").with("currentStatus", obstacle.status);
            }
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            obstacle.status = ObstacleStatus.RESOLVED;
            obstacle.resolution = resolution == null || resolution.isBlank() ? null : resolution.strip();
            obstacle.resolvedBy = actor.id().toString();
            obstacle.resolvedAt = touch(deal);
            return deals.flush()
                    .chain(() -> events.obstacleChanged(deal, actor.id().toString(), obstacle))
                    .replaceWith(() -> obstacle(obstacle));
        }));
    }

    private static ObstacleDto obstacle(DealObstacle o) {
        return new ObstacleDto(o.id, o.dealId, o.type, o.notes, o.status, o.resolution, o.createdBy, o.createdAt,
                o.resolvedBy, o.resolvedAt);
    }

    private Uni<DealResponse> insert(DealFields fields, UUID pipelineId, UUID owner, UUID leadId, String createdBy) {
        return stages.of(pipelineId).chain(all -> {
            PipelineStage first = all.stream().filter(s -> !s.closed).findFirst()
                    .orElseThrow(() -> new IllegalStateException("pipeline " + pipelineId + " has no open stage"));
            Instant now = now();
            Deal deal = new Deal();
            deal.id = UuidV7.next();
            DealMapping.apply(fields, deal);
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
                    .replaceWith(() -> DealMapping.response(deal, first.winProbability));
        });
    }

    private Uni<DealResponse> withProbability(Deal deal) {
        return stages.of(deal.pipelineId).map(all -> DealMapping.response(deal, all.stream()
                .filter(s -> s.code.equals(deal.stageCode)).map(s -> s.winProbability).findFirst().orElse(null)));
    }

    /** The deal with its team. */
    private Uni<Deal> load(UUID id) {
        return withTeam(id, deals.findById(id));
    }

    /**
     * The deal with its team, row-locked until the transaction ends, for a team member or the owner
     * (403 otherwise): writes that must not interleave on one deal (proposal versions) take this.
     */
    Uni<Deal> lockWorkable(UUID id, Actor actor) {
        return withTeam(id, deals.findById(id, LockModeType.PESSIMISTIC_WRITE)).invoke(deal -> {
            if (!actor.canWork(deal.ownerId, members(deal))) {
                throw forbidden();
            }
        });
    }

    /** The deal for a reader (owner, team, managers); 403 for anyone else. */
    Uni<Deal> loadReadable(UUID id, Actor actor) {
        return load(id).invoke(deal -> {
            if (!actor.canRead(deal.ownerId, members(deal))) {
                throw forbidden();
            }
        });
    }

    private Uni<Deal> withTeam(UUID id, Uni<Deal> found) {
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("Deal", id))
                .chain(deal -> teams.of(id).map(members -> {
                    deal.team = new ArrayList<>(members);
                    return deal;
                }));
    }

    private Uni<Deal> loadWorkable(UUID id, Actor actor) {
        return load(id).invoke(deal -> {
            if (!actor.canWork(deal.ownerId, members(deal))) {
                throw forbidden();
            }
        });
    }

    /** Win, lose and the team: the owner and managers only. */
    private Uni<Deal> loadClosable(UUID id, Actor actor) {
        return load(id).invoke(deal -> {
            if (!actor.canClose(deal.ownerId)) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "Only the deal's owner or a manager can do this");
            }
        });
    }

    private StalePolicy stalePolicy() {
        if (stalePolicy == null) {
            stalePolicy = new StalePolicy(config.staleAfter(), config.defaultStaleAfter());
        }
        return stalePolicy;
    }

    private static Set<UUID> members(Deal deal) {
        return deal.team.stream().map(m -> m.userId).collect(Collectors.toSet());
    }

    private static ProblemException forbidden() {
        return new ProblemException(403, "forbidden", "Forbidden", "You can only work deals you own or are on");
    }

    Instant touch(Deal deal) {
        deal.updatedAt = now();
        return deal.updatedAt;
    }

    private Instant now() {
        return Times.now(clock);
    }
}
