package dev.salesplatform.deal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.persistence.Deal;
import dev.salesplatform.deal.persistence.DealRepository;
import dev.salesplatform.deal.persistence.DealTeamRepository;
import dev.salesplatform.deal.persistence.PipelineStageRepository;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import io.smallrye.mutiny.Uni;

/**
 * One deal as every use case on it starts: loaded with its team, checked against who may read, work
 * or close it (404 without the deal, 403 for anyone else), touched on a change, and shown with its
 * stage's win probability. Runs inside the calling use case's session or transaction.
 */
@ApplicationScoped
class DealAccess {

    private final Clock clock;
    private final DealRepository deals;
    private final DealTeamRepository teams;
    private final PipelineStageRepository stages;

    @Inject
    DealAccess(Clock clock, DealRepository deals, DealTeamRepository teams, PipelineStageRepository stages) {
        this.clock = clock;
        this.deals = deals;
        this.teams = teams;
        this.stages = stages;
    }

    /** The deal for a reader (owner, team, managers). */
    Uni<Deal> readable(UUID id, Actor actor) {
        return load(id).invoke(deal -> {
            if (!actor.canRead(deal.ownerId, members(deal))) {
                throw forbidden();
            }
        });
    }

    /** The deal for a team member or the owner. */
    Uni<Deal> workable(UUID id, Actor actor) {
        return load(id).invoke(deal -> {
            if (!actor.canWork(deal.ownerId, members(deal))) {
                throw forbidden();
            }
        });
    }

    /**
     * The deal for a team member or the owner, row-locked until the transaction ends: writes that must
     * not interleave on one deal (proposal versions) take this.
     */
    Uni<Deal> lockWorkable(UUID id, Actor actor) {
        return withTeam(id, deals.findById(id, LockModeType.PESSIMISTIC_WRITE)).invoke(deal -> {
            if (!actor.canWork(deal.ownerId, members(deal))) {
                throw forbidden();
            }
        });
    }

    /** Win, lose and the team: the owner and managers only. */
    Uni<Deal> closable(UUID id, Actor actor) {
        return load(id).invoke(deal -> {
            if (!actor.canClose(deal.ownerId)) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "Only the deal's owner or a manager can do this");
            }
        });
    }

    /** The deal as shown, with the win probability of the stage it is in. */
    Uni<DealView> view(Deal deal) {
        return stages.of(deal.pipelineId).map(all -> DealMapper.view(deal, all.stream()
                .filter(s -> s.code.equals(deal.stageCode)).map(s -> s.winProbability).findFirst().orElse(null)));
    }

    /** Marks the deal changed now; answers when. */
    Instant touch(Deal deal) {
        deal.updatedAt = now();
        return deal.updatedAt;
    }

    Instant now() {
        return Times.now(clock);
    }

    static Set<UUID> members(Deal deal) {
        return deal.team.stream().map(m -> m.userId).collect(Collectors.toSet());
    }

    private Uni<Deal> load(UUID id) {
        return withTeam(id, deals.findById(id));
    }

    private Uni<Deal> withTeam(UUID id, Uni<Deal> found) {
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("Deal", id))
                .chain(deal -> teams.of(id).map(members -> {
                    deal.team = new ArrayList<>(members);
                    return deal;
                }));
    }

    private static ProblemException forbidden() {
        return new ProblemException(403, "forbidden", "Forbidden", "You can only work deals you own or are on");
    }
}
