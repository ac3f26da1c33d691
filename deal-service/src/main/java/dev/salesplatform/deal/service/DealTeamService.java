package dev.salesplatform.deal.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.domain.DealCommand;
import dev.salesplatform.deal.domain.DealStateMachine;
import dev.salesplatform.deal.domain.TeamRole;
import dev.salesplatform.deal.messaging.DealEvents;
import dev.salesplatform.deal.persistence.DealRepository;
import dev.salesplatform.deal.persistence.DealTeamMember;
import dev.salesplatform.deal.persistence.DealTeamRepository;
import dev.salesplatform.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Who works a deal besides its owner: the owner and managers change the team of an open deal; each
 * change and its event commit together.
 */
@ApplicationScoped
public class DealTeamService {

    /** Team members a deal has at most: the whole team is copied into every deal.team-changed.v1. */
    public static final int MAX_TEAM = 50;

    private final DealAccess access;
    private final DealRepository deals;
    private final DealTeamRepository teams;
    private final DealEvents events;

    @Inject
    DealTeamService(DealAccess access, DealRepository deals, DealTeamRepository teams, DealEvents events) {
        this.access = access;
        this.deals = deals;
        this.teams = teams;
        this.events = events;
    }

    /** Adds {@code userId} to the deal's team; 409 if they are the owner or already on it, or the team is full. */
    @WithTransaction
    public Uni<DealView> addMember(UUID id, UUID userId, TeamRole role, Actor actor) {
        return access.closable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            if (deal.ownerId.equals(userId) || DealAccess.members(deal).contains(userId)) {
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
            member.addedAt = access.touch(deal);
            deal.team.add(member);
            return teams.persist(member).chain(() -> deals.flush())
                    .chain(() -> events.teamChanged(deal, actor.id().toString(), "ADDED", member))
                    .chain(() -> access.view(deal));
        });
    }

    /** Removes {@code userId} from the deal's team; 404 if they are not on it. */
    @WithTransaction
    public Uni<DealView> removeMember(UUID id, UUID userId, Actor actor) {
        return access.closable(id, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            DealTeamMember member = deal.team.stream().filter(m -> m.userId.equals(userId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Team member", userId));
            deal.team.remove(member);
            access.touch(deal);
            return teams.delete(member).chain(() -> deals.flush())
                    .chain(() -> events.teamChanged(deal, actor.id().toString(), "REMOVED", member))
                    .chain(() -> access.view(deal));
        });
    }
}
