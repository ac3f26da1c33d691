package dev.salesplatform.deal.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.domain.DealCommand;
import dev.salesplatform.deal.domain.DealStateMachine;
import dev.salesplatform.deal.domain.ObstacleRules;
import dev.salesplatform.deal.domain.ObstacleStatus;
import dev.salesplatform.deal.domain.ObstacleType;
import dev.salesplatform.deal.messaging.DealEvents;
import dev.salesplatform.deal.persistence.DealObstacle;
import dev.salesplatform.deal.persistence.DealObstacleRepository;
import dev.salesplatform.deal.persistence.DealRepository;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.problem.StateConflict;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Obstacles in an open deal's buying process: recorded and resolved by whoever works the deal; an
 * open one blocks winning it (see {@link ObstacleRules}). Each change and its event commit together.
 */
@ApplicationScoped
public class DealObstacleService {

    /** The command a resolved obstacle refuses, as its conflict names it. */
    private static final String RESOLVE = "RESOLVE";

    private final DealAccess access;
    private final DealRepository deals;
    private final DealObstacleRepository obstacles;
    private final DealEvents events;

    @Inject
    DealObstacleService(DealAccess access, DealRepository deals, DealObstacleRepository obstacles, DealEvents events) {
        this.access = access;
        this.deals = deals;
        this.obstacles = obstacles;
        this.events = events;
    }

    /** Records an obstacle in an open deal's buying process; {@code notes} may be null. */
    @WithTransaction
    public Uni<ObstacleView> add(UUID id, ObstacleType type, String notes, Actor actor) {
        return access.workable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            DealObstacle obstacle = new DealObstacle();
            obstacle.id = UuidV7.next();
            obstacle.dealId = deal.id;
            obstacle.type = type;
            obstacle.notes = notes == null || notes.isBlank() ? null : notes.strip();
            obstacle.status = ObstacleStatus.OPEN;
            obstacle.createdBy = actor.id().toString();
            obstacle.createdAt = access.touch(deal);
            return obstacles.persist(obstacle).chain(() -> deals.flush())
                    .chain(() -> events.obstacleChanged(deal, actor.id().toString(), obstacle))
                    .replaceWith(() -> DealMapper.obstacle(obstacle));
        });
    }

    /** A deal's obstacles, oldest first. */
    @WithSession
    public Uni<List<ObstacleView>> list(UUID id, Actor actor) {
        return access.readable(id, actor)
                .chain(() -> obstacles.of(id).map(all -> all.stream().map(DealMapper::obstacle).toList()));
    }

    /** Resolves an open obstacle; 404 if the deal has no such obstacle, 409 if it is already resolved. */
    @WithTransaction
    public Uni<ObstacleView> resolve(UUID id, UUID obstacleId, String resolution, Actor actor) {
        return access.workable(id, actor).chain(deal -> obstacles.findById(obstacleId).chain(obstacle -> {
            if (obstacle == null || !obstacle.dealId.equals(deal.id)) {
                throw ProblemException.notFound("Obstacle", obstacleId);
            }
            if (!ObstacleRules.canResolve(obstacle.status)) {
                throw new StateConflict(obstacle.status, RESOLVE, "Obstacle " + obstacleId + " is already resolved");
            }
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            obstacle.status = ObstacleStatus.RESOLVED;
            obstacle.resolution = resolution == null || resolution.isBlank() ? null : resolution.strip();
            obstacle.resolvedBy = actor.id().toString();
            obstacle.resolvedAt = access.touch(deal);
            return deals.flush()
                    .chain(() -> events.obstacleChanged(deal, actor.id().toString(), obstacle))
                    .replaceWith(() -> DealMapper.obstacle(obstacle));
        }));
    }
}
